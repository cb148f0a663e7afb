package indexer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/spravka/spravka"
)

// Symbolic links in the content folder are followed only while they stay
// inside it: a link to a Markdown file elsewhere on the disk (a key, a
// password file renamed .md) must not become a public, searchable page.
// Every walk (Load's scan, the watcher's listings, changed paths and the
// fingerprint) describes its entries with contentFile, which resolves
// links within the folder; reads then go to the resolved path. Links to
// folders are not followed: a walk through them could loop or list the
// same article under two paths.
const (
	msgLinkOutside = "symlink points outside the content folder"
	msgLinkLoop    = "symlink loop: more than 40 links in a row"
	msgLinkBroken  = "broken symlink: its target does not exist"
	msgLinkFolder  = "symlink to a folder is not followed; link the files inside it, or move the folder here"
)

var (
	errLinkOutside = errors.New(msgLinkOutside)
	errLinkLoop    = errors.New(msgLinkLoop)
)

// maxLinkHops bounds the links one path may pass through, as Linux does.
const maxLinkHops = 40

// rootFS is what os.Root's file system offers.
type rootFS interface {
	fs.ReadLinkFS
	fs.ReadDirFS
	fs.ReadFileFS
	fs.StatFS
}

// dirFS is a content folder on disk: os.Root's file system, whose reads
// cannot leave the folder even if a link changes after contentFile looked
// at it, plus the folder's path, to tell whether an absolute link stays
// inside.
type dirFS struct {
	rootFS
	dir string // absolute, links resolved
}

// DirFS opens the content folder dir for Load and Build. Links inside the
// folder are followed; reads through links that lead out of it fail, and
// the walks report those links as problems instead of reading them. The
// folder stays open as long as the result is in use.
func DirFS(dir string) (fs.FS, error) {
	abs, err := filepath.Abs(dir)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		return nil, fmt.Errorf("content folder: %w", err)
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, fmt.Errorf("content folder: %w", err)
	}
	rfs, ok := root.FS().(rootFS)
	if !ok {
		return nil, fmt.Errorf("content folder %s: this platform cannot read symbolic links safely", dir)
	}
	return dirFS{rootFS: rfs, dir: abs}, nil
}

// contentFile describes the entry at p for reading; info is what the walk
// saw, not following links. It reports false for paths that are not
// content. A link that cannot be followed becomes a kindBadLink file,
// whose reading yields its problem.
func contentFile(fsys fs.FS, p string, info fs.FileInfo) (file, bool) {
	kind := classify(p)
	if kind == kindIgnored {
		return file{}, false
	}
	f := file{path: p, src: p, kind: kind, size: info.Size()}
	if info.Mode()&fs.ModeSymlink == 0 {
		return f, true
	}
	bad := func(msg string, warning bool) (file, bool) {
		return file{path: p, kind: kindBadLink, problem: spravka.Problem{Path: p, Message: msg, Warning: warning}}, true
	}
	target, err := resolveLink(fsys, p)
	var st fs.FileInfo
	if err == nil {
		st, err = fs.Stat(fsys, target)
	}
	switch {
	case errors.Is(err, errLinkOutside):
		return bad(msgLinkOutside, false)
	case errors.Is(err, errLinkLoop):
		return bad(msgLinkLoop, false)
	case errors.Is(err, fs.ErrNotExist):
		return bad(msgLinkBroken, false)
	case err != nil:
		return bad(fmt.Sprintf("cannot read: %v", err), false)
	case st.IsDir():
		return bad(msgLinkFolder, true)
	}
	f.src, f.size = target, st.Size()
	return f, true
}

// resolveLink returns the path, relative to the root of fsys and free of
// links, that the path p leads to, or errLinkOutside when a link on the
// way leaves the root. It resolves one component at a time, as the kernel
// does, so "a/../.." and a link to a linked folder are judged by where
// they really lead. Absolute targets are outside unless fsys is a dirFS
// whose folder holds them.
func resolveLink(fsys fs.FS, p string) (string, error) {
	var done []string // resolved components, none of them a link
	todo := strings.Split(p, "/")
	for hops := 0; len(todo) > 0; {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", errLinkOutside
			}
			done = done[:len(done)-1]
			continue
		}
		cur := path.Join(path.Join(done...), c)
		info, err := fs.Lstat(fsys, cur)
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			done = append(done, c)
			continue
		}
		if hops++; hops > maxLinkHops {
			return "", errLinkLoop
		}
		target, err := fs.ReadLink(fsys, cur)
		if err != nil {
			return "", err
		}
		if filepath.IsAbs(target) {
			d, ok := fsys.(dirFS)
			rel, err := filepath.Rel(d.dir, filepath.Clean(target))
			if !ok || err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return "", errLinkOutside
			}
			done, target = nil, rel
		}
		todo = append(strings.Split(filepath.ToSlash(target), "/"), todo...)
	}
	return path.Join(append([]string{"."}, done...)...), nil
}
