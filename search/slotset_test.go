package search

import (
	"fmt"
	"testing"

	"github.com/spravka/spravka"
)

func TestSlotSetAgreesWithAMap(t *testing.T) {
	var s slotSet
	want := map[uint32]int{}
	for i := 0; i < 500; i++ {
		id := uint32(i*7919%100003 + 1) // spread ids, many hash collisions
		if _, ok := want[id]; !ok {
			want[id] = i
		}
		s.set(id, i)
	}
	if s.len() != len(want) {
		t.Fatalf("len %d, want %d", s.len(), len(want))
	}
	for id, slot := range want {
		if got, ok := s.get(id); !ok || got != slot {
			t.Fatalf("get(%d) = %d, %v; want %d (first set wins)", id, got, ok, slot)
		}
	}
	for _, id := range []uint32{0, 100005, 200000} {
		if _, ok := s.get(id); ok {
			t.Errorf("get(%d) found a slot that was never set", id)
		}
	}
	var empty slotSet
	if _, ok := empty.get(42); ok {
		t.Error("empty set found 42")
	}
}

// The first stage filters by audience bits; they must agree with
// Access.CanSee, which the rest of the product uses, for every kind of
// caller and article — also past the 63 audiences that get a bit of their
// own, where the overflow bit sends documents to the slow check.
func TestDocFilterAgreesWithCanSee(t *testing.T) {
	arts := []*spravka.Article{
		{ID: "pub", Audience: []string{"public"}},
		{ID: "int", Audience: []string{"internal"}},
		{ID: "l2", Audience: []string{"l2"}},
		{ID: "l2l3", Audience: []string{"l3", "l2"}},
		{ID: "draft", Audience: []string{"public"}, Draft: true},
		{ID: "none"},
	}
	for i := 0; i < 70; i++ {
		arts = append(arts, &spravka.Article{ID: fmt.Sprintf("t%d", i), Audience: []string{fmt.Sprintf("tier%d", i)}})
	}
	callers := []spravka.Access{spravka.Public, {Agent: "a", Tiers: []string{"l1"}},
		{Agent: "b", Tiers: []string{"l2"}}, {Preview: true}, {Agent: "bot"},
		{Agent: "c", Tiers: []string{"tier1"}}, {Agent: "d", Tiers: []string{"tier65"}}, {Agent: "e", Tiers: []string{"tier66", "l3"}}}
	p := &postings{}
	for _, a := range arts {
		p.docs = append(p.docs, &entry{art: a})
	}
	p.aud = newAudienceBits(p.docs)
	for _, acc := range callers {
		keep := newDocFilter(spravka.Query{Access: acc}).keeper(p)
		for d, a := range arts {
			if got, want := keep(int32(d)), acc.CanSee(a); got != want {
				t.Errorf("%+v sees %s: first stage %v, CanSee %v", acc, a.ID, got, want)
			}
		}
	}
	// Narrowing filters apply on top of visibility.
	keep := newDocFilter(spravka.Query{Access: spravka.Public, Exclude: []string{"pub"}}).keeper(p)
	if keep(0) {
		t.Error("an excluded article passed")
	}
}

func TestTopKIsTheSortedPrefix(t *testing.T) {
	acc := []float32{0.5, 2, 2, 0, 1, 3, 2, 0.1}
	docs := []int32{0, 1, 2, 4, 5, 6, 7}
	for k := 0; k <= len(docs)+1; k++ {
		got := topK(append([]int32(nil), docs...), acc, k)
		want := []int32{5, 1, 2, 6, 4, 0, 7}[:min(k, len(docs))]
		if len(got) != len(want) {
			t.Fatalf("k=%d: %v, want %v", k, got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("k=%d: %v, want %v (score, then document number)", k, got, want)
			}
		}
	}
}
