package indexer

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// secretTitle is the title of the file outside the content folder that
// every outward link points at.
const secretTitle = "Secret outside the content folder"

// linkTree makes content/ and, beside it, outside/ with a secret article,
// then gives content/ one symlink of every kind: out of the folder
// (relative, absolute, through "..", through a linked folder), inside it
// (relative and absolute), to folders, in a loop and to nothing. It
// returns the content folder.
func linkTree(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	content, outside := filepath.Join(base, "content"), filepath.Join(base, "outside")
	files := map[string]string{
		"outside/secret.en.md":          md(secretTitle, "hunter2"),
		"outside/dir/inner.en.md":       md(secretTitle+" too", "hunter2"),
		"content/billing/refunds.en.md": md("Refunds", "Refund words."),
		"content/_shared/common.en.md":  md("Shared part", "Shared words."),
	}
	for p, s := range files {
		full := filepath.Join(base, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"billing/leak.en.md":       "../../outside/secret.en.md",
		"billing/abs.en.md":        filepath.Join(outside, "secret.en.md"),
		"billing/sneaky.en.md":     "../billing/../../outside/secret.en.md",
		"billing/via-dir.en.md":    "../outdir/secret.en.md",
		"billing/alias.en.md":      "refunds.en.md",
		"billing/abs-inside.en.md": filepath.Join(content, "billing", "refunds.en.md"),
		"billing/shared.en.md":     "../_shared/common.en.md",
		"billing/loop.en.md":       "loop.en.md",
		"billing/dangling.en.md":   "nothing-here.en.md",
		"outdir":                   "../outside",
		"indir":                    "billing",
	}
	for p, target := range links {
		if err := os.Symlink(target, filepath.Join(content, filepath.FromSlash(p))); err != nil {
			t.Fatal(err)
		}
	}
	return content
}

// linkProblems are the problems linkTree's links must produce.
var linkProblems = []string{
	"billing/leak.en.md: symlink points outside the content folder",
	"billing/abs.en.md: symlink points outside the content folder",
	"billing/sneaky.en.md: symlink points outside the content folder",
	"billing/via-dir.en.md: symlink points outside the content folder",
	"outdir: symlink points outside the content folder",
	"billing/loop.en.md: symlink loop",
	"billing/dangling.en.md: broken symlink",
	"warning: indir: symlink to a folder is not followed",
}

// TestSymlinksStayInsideTheContentFolder: a link whose target resolves
// outside the content folder is skipped with a problem, whatever route it
// takes; links inside the folder are followed; no loop hangs the scan.
func TestSymlinksStayInsideTheContentFolder(t *testing.T) {
	content := linkTree(t)
	dirFS, err := DirFS(content)
	if err != nil {
		t.Fatal(err)
	}
	// Reads through the folder's own file system cannot leave it either, so
	// a link swapped after the walk looked at it leaks nothing.
	for _, p := range []string{"billing/leak.en.md", "billing/via-dir.en.md", "outdir/secret.en.md"} {
		if b, err := fs.ReadFile(dirFS, p); err == nil {
			t.Errorf("DirFS read %s: %.40q", p, b)
		}
	}
	tests := []struct {
		name   string
		fsys   fs.FS
		served []string
	}{
		{"os.DirFS", os.DirFS(content), []string{"billing/alias.en.md", "billing/refunds.en.md", "billing/shared.en.md"}},
		// Only the content folder's own file system knows where an absolute
		// link that stays inside leads.
		{"DirFS", dirFS, []string{"billing/abs-inside.en.md", "billing/alias.en.md", "billing/refunds.en.md", "billing/shared.en.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(context.Background(), tt.fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var served []string
			for _, a := range c.Articles {
				served = append(served, a.Path)
				if strings.Contains(a.Title, secretTitle) || strings.Contains(a.Lead, "hunter2") {
					t.Errorf("%s serves the outside file", a.Path)
				}
			}
			if !slices.Equal(served, tt.served) {
				t.Errorf("served %q, want %q", served, tt.served)
			}
			if a := article(c, "billing/alias.en.md"); a == nil || a.Title != "Refunds" || a.ID != "billing/alias" {
				t.Errorf("the inside link is not served as its own article: %+v", a)
			}
			if m := missing(problemStrings(c.Problems), linkProblems...); len(m) > 0 {
				t.Errorf("problems lack %q; got\n%s", m, strings.Join(problemStrings(c.Problems), "\n"))
			}
			for p := range c.Assets {
				if p == "outdir" || p == "indir" {
					t.Errorf("folder link %s taken for an asset", p)
				}
			}
		})
	}
}

// TestWatchSymlinks: the watcher applies the same rule to links created
// while it runs, including a link to a folder outside, which it must not
// watch or list.
func TestWatchSymlinks(t *testing.T) {
	f := startLive(t, map[string]string{"billing/refunds.en.md": md("Refunds", "Refund words.")})
	outside := t.TempDir()
	for p, s := range map[string]string{"secret.en.md": md(secretTitle, "hunter2"), "dir/inner.en.md": md(secretTitle+" too", "hunter2")} {
		if err := os.MkdirAll(filepath.Join(outside, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(outside, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"billing/leak.en.md":  filepath.Join(outside, "secret.en.md"),
		"outdir":              filepath.Join(outside, "dir"),
		"billing/alias.en.md": "refunds.en.md",
	} {
		if err := os.Symlink(target, f.path(link)); err != nil {
			t.Fatal(err)
		}
	}
	f.eventually("inside link served", func() bool { return f.title("en", "billing/alias") == "Refunds" })
	f.eventually("outside links reported", func() bool {
		return len(missing(problemStrings(f.w.Corpus().Problems),
			"billing/leak.en.md: symlink points outside the content folder",
			"outdir: symlink points outside the content folder")) == 0
	})
	// Something written in the linked folder outside must not arrive either.
	if err := os.WriteFile(filepath.Join(outside, "dir", "later.en.md"), []byte(md(secretTitle+" later", "hunter2")), 0o644); err != nil {
		t.Fatal(err)
	}
	f.write("billing/marker.en.md", md("Marker", "")) // a change the watcher surely sees after the one above
	f.eventually("marker served", func() bool { return f.title("en", "billing/marker") == "Marker" })
	for _, a := range f.w.Corpus().Articles {
		if strings.Contains(a.Title, secretTitle) {
			t.Errorf("%s serves a file outside the content folder", a.Path)
		}
	}
	if ids := f.searchIDs("hunter2", "en"); len(ids) > 0 {
		t.Errorf("outside text is searchable: %v", ids)
	}
	f.w.batch.Lock() // watched changes under the batch lock
	defer f.w.batch.Unlock()
	for p := range f.w.watched {
		if strings.HasPrefix(p, "outdir") {
			t.Errorf("the watcher watches %s, outside the content folder", p)
		}
	}
}
