package search

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/blevesearch/bleve/v2"

	"github.com/spravka/spravka"
)

// manifest records what the persisted bleve index holds, so that a restart
// with unchanged content reuses it and a changed mapping rebuilds it.
type manifest struct {
	MappingVersion int               `json:"mapping_version"`
	Hashes         map[string]string `json:"hashes"` // article key → content hash
	// IndexDir names the folder of the live bleve index. A rebuild writes a
	// new folder beside it and commits by rewriting the manifest, so a crash
	// at any point leaves a manifest that names a complete index.
	IndexDir string `json:"index_dir,omitempty"`
}

const (
	manifestFile = "manifest.json"
	indexDir     = "index"
	lockFile     = "lock"
)

// store is the on-disk side of the engine: the data dir lock, the bleve
// index and its manifest.
type store struct {
	dir  string
	lock *os.File
	idx  bleve.Index // alias over cur: every reader goes through it, so a swap is atomic
	man  manifest

	alias   bleve.IndexAlias
	cur     bleve.Index
	retired retired // indexes swapped out, closed and deleted after a grace period
}

// openStore locks dir and opens the index in it, creating or rebuilding it
// when it is missing, unreadable or of another mapping version. The index is
// a cache of the content folder: throwing it away loses nothing.
func openStore(dir string) (*store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create data dir: %w", err)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	s := &store{dir: dir, lock: lock, retired: retired{grace: retireGrace}}
	s.man = readManifest(filepath.Join(dir, manifestFile))
	if s.man.MappingVersion == MappingVersion {
		if idx, err := bleve.Open(filepath.Join(dir, s.man.indexDir())); err == nil {
			s.use(idx)
			s.removeStrayIndexes()
			return s, nil
		}
	}
	// Rebuild from scratch beside the old index, which is stale or broken;
	// the manifest switches to the new folder only once it exists.
	name := newIndexDir()
	idx, err := bleve.New(filepath.Join(dir, name), newMapping())
	if err != nil {
		s.close()
		return nil, fmt.Errorf("create index: %w", err)
	}
	s.use(idx)
	s.man = manifest{MappingVersion: MappingVersion, Hashes: map[string]string{}, IndexDir: name}
	if err := s.saveManifest(); err != nil {
		s.close()
		return nil, err
	}
	s.removeStrayIndexes()
	return s, nil
}

// lockDir takes an exclusive, non-blocking lock so that a second process
// fails at once with ErrLocked instead of hanging on bolt's file lock.
func lockDir(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open lock file: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: %w (is another spravka running?)", dir, spravka.ErrLocked)
		}
		return nil, fmt.Errorf("lock data dir: %w", err)
	}
	return f, nil
}

func readManifest(path string) manifest {
	var m manifest
	b, err := os.ReadFile(path)
	if err == nil && json.Unmarshal(b, &m) == nil && m.Hashes != nil {
		return m
	}
	return manifest{Hashes: map[string]string{}}
}

// saveManifest writes the manifest atomically (temp file + rename), so a
// crash leaves either the old or the new one.
func (s *store) saveManifest() error {
	b, err := json.Marshal(s.man)
	if err != nil {
		return err
	}
	tmp := filepath.Join(s.dir, manifestFile+".tmp")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(s.dir, manifestFile)); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	return nil
}

func (s *store) close() error {
	var err error
	if s.idx != nil {
		s.idx.Close() // the alias only; it does not close what it points at
	}
	if s.cur != nil {
		err = s.cur.Close()
	}
	s.idx, s.cur = nil, nil // a second Close is a no-op
	s.retired.flush()
	if s.lock != nil {
		s.lock.Close()
		s.lock = nil
	}
	return err
}
