package check

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/spravka/spravka/indexer"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden checks each testdata/*.txtar content tree and compares the
// text and JSON reports with the .golden files next to it.
func TestGolden(t *testing.T) {
	archives, _ := filepath.Glob("testdata/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no fixtures")
	}
	for _, file := range archives {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for _, f := range ar.Files {
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			r, err := Run(context.Background(), fsys, indexer.Options{}, Config{})
			if err != nil {
				t.Fatal(err)
			}
			var text, js bytes.Buffer
			if err := WriteText(&text, r); err != nil {
				t.Fatal(err)
			}
			if err := WriteJSON(&js, r); err != nil {
				t.Fatal(err)
			}
			golden(t, "testdata/"+name+".golden", text.Bytes())
			golden(t, "testdata/"+name+".json.golden", js.Bytes())
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./check -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// TestSampleContentHasNoErrors keeps the shipped help center clean: it is
// what new users see first.
func TestSampleContentHasNoErrors(t *testing.T) {
	r, err := Run(context.Background(), os.DirFS("../content"), indexer.Options{}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range r.Diagnostics {
		if d.Severity == Error {
			t.Errorf("%s", d)
		}
	}
	if len(r.Translations) != 4 {
		t.Errorf("translation summary %+v, want the four languages", r.Translations)
	}
}
