package layout

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestToCyrillic(t *testing.T) {
	tests := []struct {
		in     string
		layout Layout
		want   string
	}{
		// Russian: the classic cases.
		{"rfr cvtybnm gfhjkm", Russian, "как сменить пароль"},
		{"ghbdtn", Russian, "привет"},
		{"yt vjue djqnb", Russian, "не могу войти"},
		// Shift keeps case, including the shifted punctuation keys.
		{"Ghbdtn", Russian, "Привет"},
		{"GHBDTN VBH", Russian, "ПРИВЕТ МИР"},
		{"\"nj yt hf,jnftn", Russian, "Это не работает"},
		{"{jxe", Russian, "Хочу"},
		// Punctuation keys inside or in front of a word are letters.
		{"j,yjdktybt", Russian, "обновление"},
		{"gj;fkeqcnf", Russian, "пожалуйста"},
		{"[jxe jgkfnbnm", Russian, "хочу оплатить"},
		{"'nj", Russian, "это"},
		{"dc` hf,jnftn", Russian, "всё работает"},
		{"e ljkuf[", Russian, "у долгах"},
		// Sentence punctuation after a word is kept ...
		{"ytn ljcnegf.", Russian, "нет доступа."},
		{"ghbdtn, rfr ltkf", Russian, "привет, как дела"},
		{"ghbdtn. Rfr ltkf", Russian, "привет. Как дела"},
		{"ghbdtn!", Russian, "привет!"},
		{"rfr jgkfnbnm?", Russian, "как оплатить?"},
		{"ghbdtn :)", Russian, "привет :)"},
		// ... but a "." before a lower-case word is the ю key.
		{"z yt pyf. gjxtve", Russian, "я не знаю почему"},
		// Digits and unmapped symbols are kept.
		{"cxtn #2024 yf 500", Russian, "счет #2024 на 500"},
		{"", Russian, ""},
		// Ukrainian differs on s ] ' ` \.
		{"ghbdsn", Ukrainian, "привіт"},
		{"gfhjkm", Ukrainian, "пароль"},
		{"'lbybq", Ukrainian, "єдиний"},
		{"];f", Ukrainian, "їжа"},
		{"v`zcj", Ukrainian, "м'ясо"},
		{"\\fyjr", Ukrainian, "ґанок"},
		{"|fyjr", Ukrainian, "Ґанок"},
		{"\"lbybq", Ukrainian, "Єдиний"},
		{"Ghbdsn", Ukrainian, "Привіт"},
		{"vtys gjnhs,yf ljgjvjuf", Ukrainian, "мені потрібна допомога"},
		{"ljlfnjr yt ghfw.'", Ukrainian, "додаток не працює"},
		{"' gbnfyyz", Ukrainian, "є питання"},
		{"' gbnfyyz", Russian, "' питання"},
		{"z ]] dbvbrfd", Ukrainian, "я її вимикав"},
		{"ghbdtn , rfr ltkf : [", Russian, "привет , как дела : х"},
		{"oj, pvsybnb", Ukrainian, "що, змінити"}, // the documented loss
		// Bulgarian phonetic: keys follow the sound.
		{"zdrawejte", Bulgarian, "здравейте"},
		{"ne moga da wlqza", Bulgarian, "не мога да вляза"},
		{"sym", Bulgarian, "съм"},
		{"[ofxor", Bulgarian, "шофьор"},
		{"l\\bow", Bulgarian, "любов"},
		{"]e pla]", Bulgarian, "ще плащ"},
		{"`ao", Bulgarian, "чао"},
		{"Zdrawejte, towa e dobre.", Bulgarian, "Здравейте, това е добре."},
		// Unknown layouts leave the text alone.
		{"ghbdtn", Layout(0), "ghbdtn"},
	}
	for _, tt := range tests {
		if got := ToCyrillic(tt.in, tt.layout); got != tt.want {
			t.Errorf("ToCyrillic(%q, %v) = %q, want %q", tt.in, tt.layout, got, tt.want)
		}
	}
}

func TestToLatin(t *testing.T) {
	tests := []struct {
		in     string
		layout Layout
		want   string
	}{
		{"руддщ", Russian, "hello"},
		{"штмщшсу", Russian, "invoice"},
		{"Руддщ", Russian, "Hello"},
		{"ырщц ьу еру штмщшсуы", Russian, "show me the invoices"},
		{"руддщб цщкдв", Russian, "hello, world"},
		{"руддщ.", Russian, "hello."},
		{"вщтэе", Russian, "don't"},
		{"вщтєе", Ukrainian, "don't"},
		{"іуеештпі", Ukrainian, "settings"},
		{"м'ясо", Ukrainian, "v`zcj"},
		{"м’ясо", Ukrainian, "v`zcj"},
		{"'руддщ'", Ukrainian, "'hello'"},
		{"м'ясо", Russian, "v'zcj"},
		{"хелло", Bulgarian, "hello"},
		{"здравейте", Bulgarian, "zdrawejte"},
		{"ще", Bulgarian, "]e"},
		{"iPhone 15 руддщ", Russian, "iPhone 15 hello"},
		{"ёж", Ukrainian, "ё;"}, // ё is not on the Ukrainian layout: kept
		{"hello", Layout(0), "hello"},
	}
	for _, tt := range tests {
		if got := ToLatin(tt.in, tt.layout); got != tt.want {
			t.Errorf("ToLatin(%q, %v) = %q, want %q", tt.in, tt.layout, got, tt.want)
		}
	}
}

// TestRoundTrip checks ToLatin(ToCyrillic(x)) == x for random words of
// letter keys, with letter-carrying punctuation keys between letters.
func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	inner := map[Layout]string{
		Russian:   "[]{};:'\",<.>`~",
		Ukrainian: "[]{};:'\",<.>`\\|",
		Bulgarian: "`~[]{}\\|",
	}
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for _, l := range allLayouts {
		for range 2000 {
			var b strings.Builder
			for w := range 1 + rng.IntN(4) {
				if w > 0 {
					b.WriteByte(' ')
				}
				n := 1 + rng.IntN(8)
				for i := range n {
					b.WriteByte(letters[rng.IntN(len(letters))])
					if i < n-1 && rng.IntN(5) == 0 {
						b.WriteByte(inner[l][rng.IntN(len(inner[l]))])
					}
				}
			}
			x := b.String()
			cyr := ToCyrillic(x, l)
			if got := ToLatin(cyr, l); got != x {
				t.Fatalf("%v: ToLatin(ToCyrillic(%q)) = %q via %q", l, x, got, cyr)
			}
		}
	}
}
