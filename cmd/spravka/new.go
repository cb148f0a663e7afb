package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spravka/spravka"
)

// runNew creates an article file with front matter and a transliterated
// file name: spravka new "Как вернуть деньги" --lang ru --category billing
// writes content/billing/kak-vernut-dengi.ru.md as a draft.
func runNew(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("new", `new "Title" --lang ru --category billing [--slug SLUG] [--content DIR]`, stderr)
	s := newSettings(fs, "content")
	lang := fs.String("lang", "", "language of the article (default: the configured default language)")
	category := fs.String("category", "", "category folder (required)")
	slug := fs.String("slug", "", "file name without language and extension (default: transliterated title)")
	draft := fs.Bool("draft", true, "create the article as a draft; publish by removing draft: true")
	if err := fs.Parse(reorder(args)); err != nil {
		return err
	}
	title := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if title == "" || *category == "" {
		fs.Usage()
		return errExit(2)
	}
	cfg, err := s.resolve()
	if err != nil {
		return err
	}
	if cfg.Content == "" {
		return errors.New("new: no content folder; run it in a folder with content/ or pass --content DIR")
	}
	if *lang == "" {
		*lang = cfg.DefaultLang
	}
	if !spravka.IsLanguage(*lang) {
		return fmt.Errorf("new: unknown --lang %q; use one of %s", *lang, strings.Join(spravka.Languages, ", "))
	}
	if strings.ContainsAny(*category, `/\ `) || strings.HasPrefix(*category, ".") || strings.HasPrefix(*category, "_") {
		return fmt.Errorf("new: --category %q must be a plain folder name", *category)
	}
	if *slug == "" {
		*slug = slugify(title, *lang)
	}
	if *slug == "" {
		return errors.New("new: the title gives an empty file name; pass --slug")
	}
	dir := filepath.Join(cfg.Content, *category)
	path := filepath.Join(dir, *slug+"."+*lang+".md")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("new: %s already exists; choose another --slug", path)
	}
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, articleTemplate(title, *draft)); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintln(stdout, path)
	if _, err := os.Stat(filepath.Join(dir, "_index."+*lang+".md")); err != nil {
		fmt.Fprintf(stderr, "note: %s has no _index.%s.md; the category title will be %q until you add one\n", dir, *lang, *category)
	}
	return nil
}

// articleTemplate is the front matter of a new article; comments explain
// the keys a writer most often needs.
func articleTemplate(title string, draft bool) string {
	var b strings.Builder
	b.WriteString("---\ntitle: " + strconv.Quote(title) + "\n")
	b.WriteString("summary: \"\" # one sentence for search results and the category page\n")
	b.WriteString("tags: []\n")
	b.WriteString("# Phrasings customers use; they rank like the title.\nquestions:\n  - " + strconv.Quote(title) + "\n")
	if draft {
		b.WriteString("draft: true # visible only in `spravka serve --preview`\n")
	}
	b.WriteString("---\n\nAnswer the question in this first paragraph: it is what search shows.\n\n## First step\n\n")
	return b.String()
}
