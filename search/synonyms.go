package search

// synonyms maps a stemmed term to the stems of the other members of its
// writer-defined groups. Multi-word members ("мобильное приложение") are
// matched by their words; that is looser than a phrase but never misses.
type synonyms struct {
	alts map[string][]string
}

func (s *synonyms) expand(stem string) []string { return s.alts[stem] }

// compileSynonyms analyses every group with its language's analyzer, so
// that "счёт" in a synonym file matches "счета" in a query.
func (e *Engine) compileSynonyms(groups map[string][][]string) map[string]*synonyms {
	out := map[string]*synonyms{}
	for lang, gs := range groups {
		s := &synonyms{alts: map[string][]string{}}
		for _, g := range gs {
			var members [][]string
			for _, term := range g {
				if st := e.an.stems(lang, term); len(st) > 0 {
					members = append(members, st)
				}
			}
			for i, m := range members {
				if len(m) != 1 {
					continue // a phrase expands others but is not itself a trigger
				}
				for j, other := range members {
					if i == j {
						continue
					}
					for _, o := range other {
						if o != m[0] && !contains(s.alts[m[0]], o) {
							s.alts[m[0]] = append(s.alts[m[0]], o)
						}
					}
				}
			}
		}
		out[lang] = s
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
