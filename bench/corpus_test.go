package bench

import (
	"bytes"
	"testing"
)

func TestGenerateIsDeterministic(t *testing.T) {
	v, err := SampleVocabulary()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"ru", "uk", "bg", "en"} {
		if len(v[l]) < 200 {
			t.Errorf("vocabulary of %s has %d words; the sample content should give hundreds", l, len(v[l]))
		}
	}
	a, b := Generate(v, 50, 1), Generate(v, 50, 1)
	if len(a) != 50 {
		t.Fatalf("want 50 files, got %d", len(a))
	}
	for name, f := range a {
		if !bytes.Equal(f.Data, b[name].Data) {
			t.Fatalf("%s differs between two runs with the same seed", name)
		}
	}
	c := Generate(v, 50, 2)
	same := 0
	for name, f := range a {
		if bytes.Equal(f.Data, c[name].Data) {
			same++
		}
	}
	if same == len(a) {
		t.Error("another seed should give other articles")
	}
}
