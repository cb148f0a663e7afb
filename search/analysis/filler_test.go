package analysis

import "testing"

func TestFiller(t *testing.T) {
	tests := []struct {
		lang, word string
		want       bool
	}{
		{"ru", "Хочу", true},
		{"ru", "пожалуйста", true},
		{"ru", "пароль", false},
		{"uk", "потрібно", true},
		{"uk", "підкажіть", true},
		{"uk", "рахунок", false},
		{"bg", "искам", true},
		{"bg", "абонамент", false},
		{"en", "Please", true},
		{"en", "want", false}, // kept on purpose, see englishFiller
		{"de", "bitte", false},
	}
	for _, tt := range tests {
		if got := Filler(tt.lang)(tt.word); got != tt.want {
			t.Errorf("Filler(%q)(%q) = %v, want %v", tt.lang, tt.word, got, tt.want)
		}
	}
}
