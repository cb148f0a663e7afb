package layout

import (
	"reflect"
	"testing"
)

func TestCandidates(t *testing.T) {
	l2c, c2l := LatinToCyrillic, CyrillicToLatin
	tests := []struct {
		in   string
		want []Candidate
	}{
		// Russian and Ukrainian agree unless s ] ' ` \ are typed.
		{"ghbdtn", []Candidate{
			{"привет", Russian, l2c},
			{"гхбдтн", Bulgarian, l2c},
		}},
		{"ghbdsn", []Candidate{
			{"привыт", Russian, l2c},
			{"привіт", Ukrainian, l2c},
			{"гхбдсн", Bulgarian, l2c},
		}},
		{"ne moga da wlqza", []Candidate{
			{"ту ьщпф вф цдйяф", Russian, l2c},
			{"не мога да вляза", Bulgarian, l2c},
		}},
		// Cyrillic → Latin; a layout lacking one of the letters (ы is
		// neither Ukrainian nor Bulgarian) is skipped.
		{"ыуфкср", []Candidate{{"search", Russian, c2l}}},
		{"руддщ", []Candidate{
			{"hello", Russian, c2l},
			{"rudd]", Bulgarian, c2l},
		}},
		{"іуеештпі", []Candidate{{"settings", Ukrainian, c2l}}},
		// Mostly Cyrillic with a Latin brand: still Cyrillic → Latin.
		{"руддщ цщкдв iPhone", []Candidate{
			{"hello world iPhone", Russian, c2l},
			{"rudd] c]kdw iPhone", Bulgarian, c2l},
		}},
		// Nothing to convert.
		{"", nil},
		{"12345 !?", nil},
		{"ab вг", nil}, // no majority script
	}
	for _, tt := range tests {
		if got := Candidates(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Candidates(%q) =\n  %v\nwant\n  %v", tt.in, got, tt.want)
		}
	}
}

func TestStrings(t *testing.T) {
	if Russian.String() != "Russian" || Layout(9).String() != "Layout(?)" {
		t.Error("Layout.String")
	}
	if CyrillicToLatin.String() != "CyrillicToLatin" || Direction(0).String() != "Direction(?)" {
		t.Error("Direction.String")
	}
}

func BenchmarkCandidates(b *testing.B) {
	for b.Loop() {
		Candidates("rfr cvtybnm gfhjkm d vj,bkmyjv ghbkj;tybb")
	}
}
