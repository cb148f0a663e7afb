package eval

import (
	"math"
	"strings"
	"testing"
)

func TestQueryMetrics(t *testing.T) {
	rel := map[string]float64{"a": 1, "b": 1}
	tests := []struct {
		name                           string
		ranked                         []string
		mrr, p1, r5, r10, ndcg, apWant float64
	}{
		{"both on top", []string{"a", "b", "x"}, 1, 1, 1, 1, 1, 1},
		{"second and fourth", []string{"x", "a", "y", "b"}, 0.5, 0, 1, 1,
			(1/math.Log2(3) + 1/math.Log2(5)) / (1 + 1/math.Log2(3)), (0.5 + 0.5) / 2},
		{"one found late", []string{"x", "x2", "x3", "x4", "x5", "a"}, 1.0 / 6, 0, 0, 0.5,
			(1 / math.Log2(7)) / (1 + 1/math.Log2(3)), (1.0 / 6) / 2},
		{"beyond ten", append(strings.Split("1 2 3 4 5 6 7 8 9 10", " "), "a"), 0, 0, 0, 0, 0, (1.0 / 11) / 2},
		{"nothing", nil, 0, 0, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		mrr, p1, r5, r10, ndcg, ap := queryMetrics(tt.ranked, rel)
		got := []float64{mrr, p1, r5, r10, ndcg, ap}
		want := []float64{tt.mrr, tt.p1, tt.r5, tt.r10, tt.ndcg, tt.apWant}
		names := []string{"mrr", "p1", "r5", "r10", "ndcg", "map"}
		for i := range got {
			if math.Abs(got[i]-want[i]) > 1e-9 {
				t.Errorf("%s: %s = %.6f, want %.6f", tt.name, names[i], got[i], want[i])
			}
		}
	}
}

func TestReadSet(t *testing.T) {
	qs, err := ReadQueries(strings.NewReader(`{"id": "q1", "text": "как сбросить пароль", "lang": "ru"}` + "\n\n" +
		`{"id": "q2", "text": "reset", "lang": "en"}` + "\n"))
	if err != nil || len(qs) != 2 || qs[0].Text != "как сбросить пароль" || qs[1].Lang != "en" {
		t.Fatalf("ReadQueries = %+v, %v", qs, err)
	}
	if _, err := ReadQueries(strings.NewReader(`{"id": "q1", "lang": "xx"}`)); err == nil {
		t.Error("unknown lang should be an error")
	}
	qr, err := ReadQrels(strings.NewReader("query-id\tarticle-id\tscore\nq1\tru/a\t1\nq1\tru/b\t2\n"))
	if err != nil || qr["q1"]["ru/b"] != 2 || len(qr["q1"]) != 2 {
		t.Fatalf("ReadQrels = %+v, %v", qr, err)
	}
	if _, err := ReadQrels(strings.NewReader("h\nq1 a 1\n")); err == nil {
		t.Error("a line without tabs should be an error")
	}
	if got := FilterLang(qs, "ru"); len(got) != 1 || got[0].ID != "q1" {
		t.Errorf("FilterLang = %+v", got)
	}
}
