package indexer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/spravka/spravka"
)

// tree turns a txtar archive into a file system, so that a whole content
// tree reads as one string in the test table.
func tree(archive string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// load loads fsys with default options and fails the test on error.
func load(t *testing.T, fsys fstest.MapFS, opts Options) *Corpus {
	t.Helper()
	c, err := Load(context.Background(), fsys, opts)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

// problemStrings formats problems as `path:line: reason`, warnings marked,
// which is what a writer sees and what tests compare.
func problemStrings(ps []spravka.Problem) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		s := p.String()
		if p.Warning {
			s = "warning: " + s
		}
		out = append(out, s)
	}
	return out
}

// article finds the article with path p in c.
func article(c *Corpus, p string) *spravka.Article {
	for _, a := range c.Articles {
		if a.Path == p {
			return a
		}
	}
	return nil
}

// missing returns the entries of want that are not a substring of any of got.
func missing(got []string, want ...string) []string {
	var out []string
	for _, w := range want {
		found := false
		for _, g := range got {
			if strings.Contains(g, w) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, w)
		}
	}
	return out
}
