package indexer

import (
	"sync"
	"time"
)

// Change is a batch of content changes the engine now serves.
type Change struct {
	Paths []string // slash paths relative to the content folder
	At    time.Time
}

// subscribers fans changes out to listeners such as preview pages.
type subscribers struct {
	mu   sync.Mutex
	next int
	subs map[int]chan Change
}

// Subscribe returns a channel of the changes applied from now on, and a
// function to stop receiving them. A slow listener misses intermediate
// changes rather than holding the watcher up: it always gets the latest.
func (w *Watcher) Subscribe() (<-chan Change, func()) { return w.subs.add() }

func (s *subscribers) add() (<-chan Change, func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.subs == nil {
		s.subs = map[int]chan Change{}
	}
	id := s.next
	s.next++
	ch := make(chan Change, 1)
	s.subs[id] = ch
	return ch, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if c, ok := s.subs[id]; ok {
			delete(s.subs, id)
			close(c)
		}
	}
}

func (s *subscribers) notify(c Change) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ch := range s.subs {
		select {
		case ch <- c:
		default: // full: replace the stale change with the latest
			select {
			case <-ch:
			default:
			}
			ch <- c
		}
	}
}
