package server_test

import (
	"encoding/json"
	"net/url"
	"testing"
)

// searchResult is the part of the search API response these tests read.
type searchResult struct {
	Lang       string `json:"lang"`
	Corrected  string `json:"corrected"`
	Correction string `json:"correction"`
	DidYouMean string `json:"did_you_mean"`
	Hits       []struct {
		ID   string `json:"id"`
		Lang string `json:"lang"`
	} `json:"hits"`
}

func searchAPI(t *testing.T, s *sample, q, lang string) searchResult {
	t.Helper()
	path := "/api/v1/search?q=" + url.QueryEscape(q)
	if lang != "" {
		path += "&lang=" + lang
	}
	status, body, _ := get(t, s, path)
	if status != 200 {
		t.Fatalf("%s: status %d: %s", path, status, body)
	}
	var r searchResult
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestSlavicQueriesEndToEnd checks, through the HTTP API on the sample help
// center, what competitors get wrong: morphology, ё/е, Ukrainian apostrophes,
// Latin look-alikes, wrong keyboard layouts and typos.
func TestSlavicQueriesEndToEnd(t *testing.T) {
	s := openSample(t)
	tests := []struct {
		name, q, lang   string
		wantID          string
		wantLang        string
		wantCorrected   string // "" means no layout correction expected
		wantDidYouMean  string
		forbidCorrected bool
	}{
		{"morphology: genitive", "сброс пароля", "ru", "account/reset-password", "ru", "", "", true},
		{"ё and е are one letter", "как сменить пароль через счёт", "ru", "account/change-password", "ru", "", "", true},
		{"Russian layout typed on Latin keys", "rfr cvtybnm gfhjkm", "", "account/change-password", "ru", "как сменить пароль", "", false},
		{"layout with the language given", "rfr c,hjcbnm gfhjkm", "ru", "account/reset-password", "ru", "как сбросить пароль", "", false},
		{"Ukrainian layout: і on the s key", "zr crbyenb gfhjkm", "uk", "account/reset-password", "uk", "як скинути пароль", "", false},
		{"English typed on the Russian layout", "куыуе зфыыцщкв", "", "account/reset-password", "en", "reset password", "", false},
		{"typo in a Cyrillic word", "сбросить пороль", "ru", "account/reset-password", "ru", "", "сбросить пароль", true},
		{"Ukrainian apostrophe, typographic", "не пам’ятаю пароль", "uk", "account/reset-password", "uk", "", "", true},
		{"Ukrainian apostrophe, modifier letter", "не памʼятаю пароль", "uk", "account/reset-password", "uk", "", "", true},
		{"Latin look-alike inside Cyrillic", "сбросить пaроль", "ru", "account/reset-password", "ru", "", "", true},
		{"Bulgarian definite article", "забравих паролата", "bg", "account/reset-password", "bg", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := searchAPI(t, s, tt.q, tt.lang)
			if len(r.Hits) == 0 || r.Hits[0].ID != tt.wantID || r.Hits[0].Lang != tt.wantLang {
				t.Fatalf("%q: want %s/%s first, got %+v (corrected %q)", tt.q, tt.wantLang, tt.wantID, r.Hits, r.Corrected)
			}
			if tt.wantCorrected != "" && (r.Corrected != tt.wantCorrected || r.Correction != "layout") {
				t.Errorf("%q: corrected=%q correction=%q, want %q layout", tt.q, r.Corrected, r.Correction, tt.wantCorrected)
			}
			if tt.forbidCorrected && r.Corrected != "" {
				t.Errorf("%q: a correct query was rewritten to %q", tt.q, r.Corrected)
			}
			if tt.wantDidYouMean != "" && r.DidYouMean != tt.wantDidYouMean {
				t.Errorf("%q: did_you_mean=%q, want %q", tt.q, r.DidYouMean, tt.wantDidYouMean)
			}
		})
	}
}

func TestAutocompleteAPI(t *testing.T) {
	s := openSample(t)
	status, body, _ := get(t, s, "/api/v1/autocomplete?lang=ru&q="+url.QueryEscape("как сбр"))
	if status != 200 {
		t.Fatalf("status %d: %s", status, body)
	}
	var r struct {
		Suggestions []struct{ ID, Title, URL string } `json:"suggestions"`
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Suggestions) == 0 || r.Suggestions[0].ID != "account/reset-password" || r.Suggestions[0].URL != "/ru/account/reset-password" {
		t.Errorf("want the reset-password article first, got %+v", r.Suggestions)
	}
	if len(r.Suggestions) > 10 {
		t.Errorf("at most 10 suggestions, got %d", len(r.Suggestions))
	}
}
