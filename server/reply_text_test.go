package server

import "testing"

// TestReplyPassage: table rows of a passage become reply lines, with the
// column names taken from the table's header wherever the passage starts;
// everything else stays as it is.
func TestReplyPassage(t *testing.T) {
	// Tables as the indexer writes a section: one line per row, cells
	// separated by tabs, the header first (here with an empty corner).
	plans := "Three plans.\n\tFree\tStandard\tBusiness\nPer month\t0 €\t9 €\t24 €\nPer year\t—\t90 €\t240 €\nPrices exclude VAT."
	vat := "Country\tTax\tStandard\tReduced\nBulgaria\tVAT\t20%\t9%\nUkraine\tVAT\t20%\t14%, 7%"
	refunds := "Case\tRefund\nYearly plan, within 14 days\tfull amount\nMonthly plan\tnone"
	rows := tableRows(plans, vat, refunds)
	tests := []struct{ name, passage, want string }{
		{"corner header", "Free | Standard | Business\nPer month | 0 € | 9 € | 24 €\nPrices exclude VAT.",
			"Per month: Free — 0 €; Standard — 9 €; Business — 24 €\nPrices exclude VAT."},
		{"a dash leaves the plan out", "Per year | — | 90 € | 240 €", "Per year: Standard — 90 €; Business — 240 €"},
		{"header not in the passage", "Ukraine | VAT | 20% | 14%, 7%", "Ukraine: Tax — VAT; Standard — 20%; Reduced — 14%, 7%"},
		{"two columns", "Case | Refund\nYearly plan, within 14 days | full amount\nMonthly plan | none",
			"Yearly plan, within 14 days — full amount\nMonthly plan — none"},
		{"a row cut by the passage", "plan, within 14 days | full amount", "plan, within 14 days — full amount"},
		{"prose untouched", "Open Settings → Billing.\nPress Cancel.", "Open Settings → Billing.\nPress Cancel."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := replyPassage(tt.passage, rows); got != tt.want {
				t.Errorf("replyPassage(%q)\n got %q\nwant %q", tt.passage, got, tt.want)
			}
		})
	}
	// Without the article's tables (it could not be looked up), cells are
	// still joined into readable lines.
	if got, want := replyPassage("Per month | 0 € | 9 €", nil), "Per month — 0 € — 9 €"; got != want {
		t.Errorf("without tables: %q, want %q", got, want)
	}
}
