// Package themes holds the embedded default theme and merges a site's
// override folder over it: a file in the override replaces the default's
// file of the same path (Hugo's rule), so a company can brand the site
// without forking the theme.
package themes

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

//go:embed default
var embedded embed.FS

// Default returns the embedded default theme.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // the embed directive guarantees the folder exists
	}
	return sub
}

// Load returns the default theme with the folder dir laid over it; an empty
// dir returns the default theme alone.
func Load(dir string) (fs.FS, error) {
	if dir == "" {
		return Default(), nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("theme: %s is not a folder", dir)
	}
	return overlay{top: os.DirFS(dir), base: Default()}, nil
}

// overlay serves top's file when it has one, else base's.
type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		if st, serr := f.Stat(); serr == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.base.Open(name)
}

// ReadDir merges both folders' listings, top's entries winning.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	top, terr := fs.ReadDir(o.top, name)
	for _, e := range top {
		seen[e.Name()] = true
		out = append(out, e)
	}
	base, berr := fs.ReadDir(o.base, name)
	for _, e := range base {
		if !seen[e.Name()] {
			out = append(out, e)
		}
	}
	if terr != nil && berr != nil {
		return nil, berr
	}
	return out, nil
}
