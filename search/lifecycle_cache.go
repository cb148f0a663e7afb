package search

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
)

// The snapshot cache makes a restart with unchanged content fast: parsing
// 20,000 Markdown files and analysing them for ranking takes tens of
// seconds, reading back the result of both takes about one. It is a cache
// of a cache: it is only used when it matches the index manifest exactly
// and was saved for the same content fingerprint (see indexer.Fingerprint),
// and anything else makes the caller load the content as usual.

const (
	cacheFile  = "snapshot.cache"
	cacheMagic = "spravka snapshot cache v1\n"
)

// cacheHeader is read first, so that a stale cache is rejected without
// decoding the body.
type cacheHeader struct {
	Signature   string
	Mapping     int
	Fingerprint string
	IndexDir    string
	Hashes      map[string]string
}

type cacheBody struct {
	Terms map[string]uint32
	Snap  *snapshot
}

func cacheSignature() string {
	return typeSignature(reflect.TypeOf(cacheHeader{})) + typeSignature(reflect.TypeOf(cacheBody{}))
}

// SaveCache writes what the engine serves to the data dir, tagged with the
// content fingerprint it was loaded from. It writes a temporary file and
// renames it, so a crash never leaves half a cache.
func (e *Engine) SaveCache(fingerprint string) error {
	e.write.Lock()
	defer e.write.Unlock()
	snap := e.snap.Load()
	hdr := cacheHeader{Signature: cacheSignature(), Mapping: MappingVersion, Fingerprint: fingerprint,
		IndexDir: e.store.man.indexDir(), Hashes: maps.Clone(e.store.man.Hashes)}
	if !sameHashes(snap, hdr.Hashes) {
		return errors.New("snapshot cache: served articles and index manifest differ; not saved")
	}
	e.dict.mu.RLock()
	body := cacheBody{Terms: maps.Clone(e.dict.ids), Snap: snap}
	e.dict.mu.RUnlock()

	path := filepath.Join(e.store.dir, cacheFile)
	f, err := os.CreateTemp(e.store.dir, cacheFile+".tmp*")
	if err != nil {
		return fmt.Errorf("snapshot cache: %w", err)
	}
	defer os.Remove(f.Name())
	enc := newEncoder(f)
	enc.w.WriteString(cacheMagic)
	enc.encode(reflect.ValueOf(&hdr).Elem())
	enc.encode(reflect.ValueOf(&body).Elem())
	if err := enc.flush(); err != nil {
		f.Close()
		return fmt.Errorf("snapshot cache: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("snapshot cache: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("snapshot cache: %w", err)
	}
	return nil
}

// LoadCache serves the cached snapshot when it was saved for fingerprint,
// by this build, over exactly the index on disk. It reports whether it
// did; false with a nil error means "no usable cache, load the content".
func (e *Engine) LoadCache(fingerprint string) (bool, error) {
	e.write.Lock()
	defer e.write.Unlock()
	if e.ready.Load() {
		return false, nil
	}
	f, err := os.Open(filepath.Join(e.store.dir, cacheFile))
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("snapshot cache: %w", err)
	}
	defer f.Close()
	dec := newDecoder(f)
	magic := make([]byte, len(cacheMagic))
	if _, err := io.ReadFull(dec.r, magic); err != nil || string(magic) != cacheMagic {
		return false, nil
	}
	var hdr cacheHeader
	dec.decode(reflect.ValueOf(&hdr).Elem())
	if dec.err != nil || hdr.Signature != cacheSignature() || hdr.Mapping != MappingVersion ||
		hdr.Fingerprint != fingerprint || hdr.IndexDir != e.store.man.indexDir() || !maps.Equal(hdr.Hashes, e.store.man.Hashes) {
		return false, nil
	}
	var body cacheBody
	dec.decode(reflect.ValueOf(&body).Elem())
	if dec.err != nil || body.Snap == nil || !sameHashes(body.Snap, hdr.Hashes) {
		e.log.Warn("snapshot cache unreadable; loading content", "err", dec.err)
		return false, nil
	}
	e.dict.mu.Lock()
	e.dict.ids = body.Terms
	e.dict.mu.Unlock()
	e.snap.Store(body.Snap)
	e.ready.Store(true)
	e.log.Info("index ready from snapshot cache", "articles", len(body.Snap.entries))
	return true, nil
}

// sameHashes reports whether snap serves exactly the article versions of
// hashes, the manifest of the index.
func sameHashes(snap *snapshot, hashes map[string]string) bool {
	if len(snap.entries) != len(hashes) {
		return false
	}
	for key, en := range snap.entries {
		if h, ok := hashes[key]; !ok || h != en.art.Hash || h == "" {
			return false
		}
	}
	return true
}
