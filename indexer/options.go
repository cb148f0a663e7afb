package indexer

import (
	"fmt"

	"github.com/spravka/spravka"
)

// Options configure how a content tree is read.
type Options struct {
	DefaultLang     string // used when neither front matter nor file name says; default "en"
	DefaultCategory string // category of files at the content root; default "general"
	MaxFileSize     int64  // larger files are reported and skipped; default 5 << 20
	UnsafeHTML      bool   // render raw HTML in Markdown, sanitised (see newHTMLPolicy)
}

// DefaultMaxFileSize is the MaxFileSize used when Options leave it zero.
const DefaultMaxFileSize = 5 << 20

// withDefaults fills zero fields, so callers can pass Options{}.
func (o Options) withDefaults() Options {
	if o.DefaultLang == "" {
		o.DefaultLang = fallbackLang
	}
	if o.DefaultCategory == "" {
		o.DefaultCategory = fallbackCat
	}
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = DefaultMaxFileSize
	}
	return o
}

// validate catches a misconfigured site once, instead of as one "unknown
// language" problem per file.
func (o Options) validate() error {
	if !spravka.IsLanguage(o.DefaultLang) {
		return fmt.Errorf("indexer: default language %q is not one of %v", o.DefaultLang, spravka.Languages)
	}
	return nil
}
