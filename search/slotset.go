package search

// slotSet maps term ids to query slots. The scorer asks it once per token
// of every candidate, so it is a small open-addressing table instead of a
// Go map: a query has at most a few dozen terms, and a probe into a
// power-of-two array of ids is several times cheaper than a map lookup.
type slotSet struct {
	ids   []uint32 // 0 = empty (0 is never a term id)
	slots []int32
	n     int
}

func (s *slotSet) hash(id uint32) int { return int((id * 2654435769) >> 7) }

// set maps id to slot unless id is already there.
func (s *slotSet) set(id uint32, slot int) {
	if id == 0 {
		return
	}
	if (s.n+1)*2 > len(s.ids) {
		s.grow()
	}
	mask := len(s.ids) - 1
	for i := s.hash(id) & mask; ; i = (i + 1) & mask {
		switch s.ids[i] {
		case id:
			return
		case 0:
			s.ids[i], s.slots[i] = id, int32(slot)
			s.n++
			return
		}
	}
}

// get returns the slot of id.
func (s *slotSet) get(id uint32) (int, bool) {
	if s.n == 0 || id == 0 {
		return 0, false
	}
	mask := len(s.ids) - 1
	for i := s.hash(id) & mask; ; i = (i + 1) & mask {
		switch s.ids[i] {
		case id:
			return int(s.slots[i]), true
		case 0:
			return 0, false
		}
	}
}

func (s *slotSet) len() int { return s.n }

func (s *slotSet) grow() {
	oldIDs, oldSlots := s.ids, s.slots
	size := max(16, 2*len(oldIDs))
	s.ids, s.slots, s.n = make([]uint32, size), make([]int32, size), 0
	for i, id := range oldIDs {
		if id != 0 {
			s.set(id, int(oldSlots[i]))
		}
	}
}
