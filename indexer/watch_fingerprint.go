package indexer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// Fingerprint identifies the state of a content folder cheaply, from the
// path, size and modification time of every content file (reading 20,000
// files would take longer than the restart it is meant to speed up), the
// options, and the running binary, whose parser produced the cached
// articles. It keys the engine's snapshot cache; a watcher verifies the
// cache against the files in the background anyway.
func Fingerprint(fsys fs.FS, opts Options) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%+v\n", opts.withDefaults())
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			fmt.Fprintf(h, "%s %d %d\n", exe, st.Size(), st.ModTime().UnixNano())
		}
	}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			return nil
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if k := classify(p); k == kindIgnored || k == kindAsset {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		if info.Mode()&fs.ModeSymlink != 0 { // the target's edits must change the fingerprint too
			if st, err := fs.Stat(fsys, p); err == nil {
				info = st
			}
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\n", p, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("fingerprint content: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
