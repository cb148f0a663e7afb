package layout

import "testing"

func TestLooksLikeWrongLayout(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		// Latin typed for Cyrillic.
		{"rfr cvtybnm gfhjkm", true},
		{"ghbdtn", true},
		{"yt vjue djqnb", true},
		{"ghbdsn", true},
		{"yt ghfw.' ljlfnjr", true},
		{"ytn ljcnegf r frreyne", true},
		{"jgkfnf yt ghjikf", true},
		// Cyrillic typed for English.
		{"штмщшсу", true},
		{"ырщц ьу еру штмщшсуы", true},
		{"куыуе зфыыцщкв", true},
		{"дщпшт", true},
		// Genuine text in every language the product serves.
		{"how do I reset my password", false},
		{"invoice", false},
		{"export xlsx to pdf and scan the qr code", false},
		{"bank sync stopped working after the update", false},
		{"как сменить пароль", false},
		{"не могу войти в приложение", false},
		{"как сменить пароль в iPhone app", false},
		{"як змінити пароль", false},
		{"не можу зайти в м'ясний магазин", false},
		{"як да сменя паролата си", false},
		{"защо не мога да вляза в профила", false},
		{"съжалявам, ъгълът е грешен", false},
		// No letters, or no majority script.
		{"", false},
		{"12345 !?", false},
		{"ab вг", false},
	}
	for _, tt := range tests {
		if got := LooksLikeWrongLayout(tt.in); got != tt.want {
			t.Errorf("LooksLikeWrongLayout(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func BenchmarkLooksLikeWrongLayout(b *testing.B) {
	for b.Loop() {
		LooksLikeWrongLayout("rfr cvtybnm gfhjkm d vj,bkmyjv ghbkj;tybb")
	}
}

func TestMaxAllowedLen(t *testing.T) {
	for w := range latinAllowed {
		if len(w) > maxAllowedLen {
			t.Errorf("latinAllowed %q is longer than maxAllowedLen %d", w, maxAllowedLen)
		}
	}
}
