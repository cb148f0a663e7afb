package indexer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// isEditorTemp recognises the files editors write next to the one being
// saved: vim's swap files and its 4913 write test, backups ending in ~,
// emacs lock and autosave files, and .tmp files of atomic saves. Anything
// under a dot folder (.git) is invisible to the content tree anyway.
func isEditorTemp(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") && part != "." {
			return true
		}
	}
	name := path.Base(rel)
	switch {
	case name == "4913", strings.HasSuffix(name, "~"), strings.HasPrefix(name, ".#"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swx", ".tmp", ".crdownload", ".part":
		return true
	}
	return false
}

// rel turns an fsnotify path into a slash path relative to the content
// folder.
func (w *Watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.cfg.Dir, name)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// watchTree adds watches for dir and every folder below it, before their
// files are listed, so that a file created in between is not missed.
func (w *Watcher) watchTree(dir string) error {
	return fs.WalkDir(w.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && dir == "." {
				return err
			}
			return nil // vanished meanwhile: its removal event follows
		}
		if !d.IsDir() {
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if w.watched[p] {
			return nil
		}
		if err := w.fsw.Add(filepath.Join(w.cfg.Dir, filepath.FromSlash(p))); err != nil {
			return fmt.Errorf("watch %s: %w", p, err)
		}
		w.watched[p] = true
		return nil
	})
}

// unwatchUnder forgets the watches of a folder that is gone. inotify drops
// them itself on deletion, but a folder moved out of the tree would keep
// reporting events under its old name.
func (w *Watcher) unwatchUnder(p string) {
	for q := range w.watched {
		if q == p || strings.HasPrefix(q, p+"/") {
			_ = w.fsw.Remove(filepath.Join(w.cfg.Dir, filepath.FromSlash(q)))
			delete(w.watched, q)
		}
	}
}

// listFiles lists the content files under dir, sorted by path, with the
// same rules as Load.
func (w *Watcher) listFiles(ctx context.Context, dir string) ([]file, error) {
	var files []file
	err := fs.WalkDir(w.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			if p == dir {
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
		info, err := d.Info()
		if err != nil {
			return nil // vanished meanwhile: its removal event follows
		}
		if f, ok := w.fileAt(p, info); ok {
			files = append(files, f)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	slices.SortFunc(files, func(a, b file) int { return strings.Compare(a.path, b.path) })
	return files, nil
}

// fileAt describes the file at p, which info describes without following
// links, or reports that it is not content.
func (w *Watcher) fileAt(p string, info fs.FileInfo) (file, bool) {
	if isEditorTemp(p) {
		return file{}, false
	}
	return contentFile(w.fsys, p, info)
}
