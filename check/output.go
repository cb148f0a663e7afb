package check

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteText writes the report as a compiler would: one diagnostic per
// line, then the translation summary and the totals.
func WriteText(w io.Writer, r *Report) error {
	for _, d := range r.Diagnostics {
		if _, err := fmt.Fprintln(w, d.String()); err != nil {
			return err
		}
	}
	if line := FormatTranslations(r.Translations); line != "" {
		fmt.Fprintln(w, line)
	}
	_, err := fmt.Fprintf(w, "%d error(s), %d warning(s)\n", r.Errors, r.Warnings)
	return err
}

// WriteJSON writes the report as one JSON object.
func WriteJSON(w io.Writer, r *Report) error {
	if r.Diagnostics == nil {
		r.Diagnostics = []Diagnostic{}
	}
	if r.Translations == nil {
		r.Translations = []LangSummary{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
