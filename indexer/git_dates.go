package indexer

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"github.com/spravka/spravka"
)

// StampDates fills the created and updated dates and the last author of
// arts, which were read from the folder dir, from git history. Dates in the
// front matter win; files git cannot date (uncommitted, untracked, or cut
// off by a shallow clone) and folders outside git get the file's
// modification time. limit restricts the history walk to the files of
// arts, for small updates; otherwise one pass reads all of the history.
func StampDates(ctx context.Context, dir string, arts []*spravka.Article, limit bool) error {
	if len(arts) == 0 {
		return nil
	}
	var paths []string
	if limit {
		for _, a := range arts {
			paths = append(paths, a.Path)
		}
	}
	info, err := readGit(ctx, dir, paths)
	if err != nil {
		return err
	}
	for _, a := range arts {
		stamp(a, info, func() time.Time { return modTime(dir, a.Path) })
	}
	return nil
}

// stamp applies one file's history; mtime is called only when needed.
func stamp(a *spravka.Article, info *gitInfo, mtime func() time.Time) {
	h, known := info.files[a.Path]
	fresh := info.dirty[a.Path] || !known
	if known && h.Author != "" {
		a.Author = h.Author
	}
	if a.Created.IsZero() {
		if known && !h.Created.IsZero() { // a modified file still dates from its first commit
			a.Created = h.Created
		} else {
			a.Created = mtime()
		}
	}
	if a.Updated.IsZero() {
		if fresh || h.Updated.IsZero() {
			a.Updated = mtime()
		} else {
			a.Updated = h.Updated
		}
	}
}

func modTime(dir, p string) time.Time {
	st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		return time.Time{}
	}
	return st.ModTime().UTC().Truncate(time.Second)
}
