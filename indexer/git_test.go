package indexer

import (
	"context"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spravka/spravka"
)

// gitRun runs git in dir with a fixed author and date, failing the test on
// error.
func gitRun(t *testing.T, dir, author, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME="+author, "GIT_AUTHOR_EMAIL=a@example.com",
		"GIT_COMMITTER_NAME="+author, "GIT_COMMITTER_EMAIL=a@example.com",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// stamped loads the content folder and stamps its dates from git.
func stamped(t *testing.T, dir string) map[string]*spravka.Article {
	t.Helper()
	c, err := Load(context.Background(), os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := StampDates(context.Background(), dir, c.Articles, false); err != nil {
		t.Fatal(err)
	}
	out := map[string]*spravka.Article{}
	for _, a := range c.Articles {
		out[a.Path] = a
	}
	return out
}

func day(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestGitDates(t *testing.T) {
	repo := t.TempDir()
	content := filepath.Join(repo, "content")
	gitRun(t, repo, "x", "2020-01-01T00:00:00Z", "init", "-q")
	writeFile(t, filepath.Join(content, "account/вход в систему.ru.md"), md("Вход", "v1"))
	writeFile(t, filepath.Join(content, "account/dated.en.md"), "---\ntitle: Dated\ncreated: 2019-05-05\nupdated: 2025-01-01\n---\n")
	writeFile(t, filepath.Join(content, "account/edited.en.md"), md("Edited", "v1"))
	writeFile(t, filepath.Join(repo, "README.md"), "outside the content folder")
	gitRun(t, repo, "Alice", "2020-01-02T10:00:00+03:00", "add", ".")
	gitRun(t, repo, "Alice", "2020-01-02T10:00:00+03:00", "commit", "-q", "-m", "first")
	writeFile(t, filepath.Join(content, "account/вход в систему.ru.md"), md("Вход", "v2"))
	gitRun(t, repo, "Борис", "2021-03-04T12:00:00Z", "commit", "-q", "-am", "second")
	writeFile(t, filepath.Join(content, "account/edited.en.md"), md("Edited", "uncommitted"))
	writeFile(t, filepath.Join(content, "account/new.en.md"), md("New", "untracked"))
	old := time.Date(2024, 6, 1, 8, 0, 0, 0, time.UTC)
	for _, p := range []string{"account/edited.en.md", "account/new.en.md"} {
		if err := os.Chtimes(filepath.Join(content, p), old, old); err != nil {
			t.Fatal(err)
		}
	}

	arts := stamped(t, content)
	tests := []struct {
		path             string
		created, updated time.Time
		author           string
	}{
		{"account/вход в систему.ru.md", day("2020-01-02T10:00:00+03:00"), day("2021-03-04T12:00:00Z"), "Борис"},
		{"account/dated.en.md", day("2019-05-05T00:00:00Z"), day("2025-01-01T00:00:00Z"), "Alice"},
		{"account/edited.en.md", day("2020-01-02T10:00:00+03:00"), old, "Alice"},
		{"account/new.en.md", old, old, ""},
	}
	for _, tt := range tests {
		a := arts[tt.path]
		if a == nil {
			t.Errorf("%s not loaded", tt.path)
			continue
		}
		if !a.Created.Equal(tt.created) || !a.Updated.Equal(tt.updated) || a.Author != tt.author {
			t.Errorf("%s: created %v updated %v author %q; want %v %v %q", tt.path, a.Created, a.Updated, a.Author, tt.created, tt.updated, tt.author)
		}
	}
}

func TestGitDatesShallowClone(t *testing.T) {
	repo := t.TempDir()
	gitRun(t, repo, "x", "2020-01-01T00:00:00Z", "init", "-q")
	writeFile(t, filepath.Join(repo, "a.en.md"), md("A", "v1"))
	writeFile(t, filepath.Join(repo, "b.en.md"), md("B", "v1"))
	gitRun(t, repo, "Alice", "2020-01-02T00:00:00Z", "add", ".")
	gitRun(t, repo, "Alice", "2020-01-02T00:00:00Z", "commit", "-q", "-m", "first")
	writeFile(t, filepath.Join(repo, "b.en.md"), md("B", "v2"))
	gitRun(t, repo, "Bob", "2022-02-02T00:00:00Z", "commit", "-q", "-am", "second")

	clone := filepath.Join(t.TempDir(), "clone")
	gitRun(t, repo, "x", "2020-01-01T00:00:00Z", "clone", "-q", "--depth", "1", "file://"+repo, clone)
	arts := stamped(t, clone)
	a, b := arts["a.en.md"], arts["b.en.md"]
	if a == nil || b == nil {
		t.Fatal("articles not loaded")
	}
	// The only commit of the clone is its boundary: it lists every file,
	// so it dates neither. The files' times are the checkout's.
	for _, art := range []*spravka.Article{a, b} {
		if art.Created.Year() < 2023 || art.Updated.Year() < 2023 {
			t.Errorf("%s: created %v updated %v taken from the shallow boundary", art.Path, art.Created, art.Updated)
		}
	}
}

func TestGitDatesOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.en.md"), md("A", ""))
	when := time.Date(2023, 3, 3, 3, 3, 3, 0, time.UTC)
	os.Chtimes(filepath.Join(dir, "a.en.md"), when, when)
	a := stamped(t, dir)["a.en.md"]
	if a == nil || !a.Updated.Equal(when) || !a.Created.Equal(when) || a.Author != "" {
		t.Fatalf("outside git: %+v", a)
	}
}

func TestParseGitStatusPaths(t *testing.T) {
	out := []byte(" M content/a.md\x00?? content/новый файл.md\x00R  content/new.md\x00content/old.md\x00 M other/x.md\x00")
	dirty := map[string]bool{}
	parseGitStatus(out, "content/", dirty)
	got := strings.Join(slices.Sorted(maps.Keys(dirty)), ",")
	if want := "a.md,new.md,новый файл.md"; got != want {
		t.Errorf("dirty = %s, want %s", got, want)
	}
}
