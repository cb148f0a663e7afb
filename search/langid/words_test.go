package langid

import (
	"reflect"
	"testing"
)

func TestForEachWord(t *testing.T) {
	var got []word
	forEachWord("М’ясо, don't  iPhone-12 току-що 'цитата' Visa!", func(w word) { got = append(got, w) })
	want := []word{
		{text: "м'ясо", script: scriptCyrillic, capital: true},
		{text: "dont", script: scriptLatin},
		{text: "iphone", script: scriptLatin, brand: true},
		{text: "току-що", script: scriptCyrillic},
		{text: "цитата", script: scriptCyrillic},
		{text: "visa", script: scriptLatin, brand: true, capital: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("forEachWord:\n got %+v\nwant %+v", got, want)
	}
}
