package indexer

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestGolden renders a representative article (every Markdown construct
// writers use, Cyrillic anchors, links across categories) and compares the
// HTML and the extracted text with reviewed copies in testdata. Run
// `go test ./indexer -run Golden -update` after an intended change and
// review the diff.
func TestGolden(t *testing.T) {
	c, err := Load(context.Background(), os.DirFS("testdata/site"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := article(c, "account/two-factor.ru.md")
	if a == nil {
		t.Fatalf("article not loaded: %q", problemStrings(c.Problems))
	}

	var text strings.Builder
	fmt.Fprintf(&text, "id: %s\nurl: %s\ncategory: %s\naudience: %q\nparams: %v\n", a.ID, a.URL(), a.Category, a.Audience, a.Params)
	for _, p := range problemStrings(c.Problems) {
		fmt.Fprintf(&text, "problem: %s\n", p)
	}
	for _, l := range a.Links {
		fmt.Fprintf(&text, "link: line %d image=%t %s\n", l.Line, l.Image, l.Dest)
	}
	fmt.Fprintf(&text, "\n[lead]\n%s\n", a.Lead)
	if a.LeadCode != "" {
		fmt.Fprintf(&text, "[code]\n%s\n", a.LeadCode)
	}
	for _, s := range a.Sections {
		fmt.Fprintf(&text, "\n[h%d #%s, line %d] %s\n%s\n", s.Level, s.ID, s.Line, s.Title, s.Text)
		if s.Code != "" {
			fmt.Fprintf(&text, "[code]\n%s\n", s.Code)
		}
	}

	compareGolden(t, "testdata/two-factor.ru.html.golden", a.HTML)
	compareGolden(t, "testdata/two-factor.ru.text.golden", text.String())
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		gotPath := filepath.Join(t.TempDir(), filepath.Base(path))
		_ = os.WriteFile(gotPath, []byte(got), 0o644)
		t.Errorf("%s differs from the output, written to %s; diff them, and run with -update if the change is intended", path, gotPath)
	}
}
