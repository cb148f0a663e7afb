package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
	"unsafe"

	"go.yaml.in/yaml/v3"
)

// The snapshot cache stores the engine's unexported, in-memory structures
// (ranking data, collection statistics), whose shape the ranking work keeps
// changing. gob cannot see unexported fields and a hand-written encoder
// would silently drop a field added later, so this small codec walks any
// value by reflection: a new field is saved and restored without anyone
// touching this file, and typeSignature makes an old cache file of another
// shape unreadable rather than wrong. Slices of 32-bit numbers, which are
// almost all of the bytes, are copied in bulk.

var errCodec = errors.New("snapshot cache: unsupported value")

// typeSignature describes t's full structure, field names included, so that
// a cache written by a build with other types is rejected.
func typeSignature(t reflect.Type) string {
	var b strings.Builder
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		b.WriteString(t.String())
		if seen[t] {
			return
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Struct:
			if t == timeType {
				return
			}
			b.WriteByte('{')
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				b.WriteString(f.Name + " ")
				walk(f.Type)
				b.WriteByte(';')
			}
			b.WriteByte('}')
		case reflect.Pointer, reflect.Slice, reflect.Array:
			b.WriteByte('<')
			walk(t.Elem())
			b.WriteByte('>')
		case reflect.Map:
			b.WriteByte('<')
			walk(t.Key())
			b.WriteByte(',')
			walk(t.Elem())
			b.WriteByte('>')
		}
	}
	walk(t)
	return b.String()
}

var timeType = reflect.TypeOf(time.Time{})

type encoder struct {
	w    *bufio.Writer
	ptrs map[unsafe.Pointer]uint64 // pointers written so far, so shared ones stay shared
	tmp  [binary.MaxVarintLen64]byte
	err  error
}

func newEncoder(w io.Writer) *encoder {
	return &encoder{w: bufio.NewWriterSize(w, 1<<20), ptrs: map[unsafe.Pointer]uint64{}}
}

func (e *encoder) uvarint(u uint64) {
	n := binary.PutUvarint(e.tmp[:], u)
	e.w.Write(e.tmp[:n])
}

func (e *encoder) bytes(b []byte) {
	e.uvarint(uint64(len(b)))
	e.w.Write(b)
}

// encode writes v, which must be addressable (reached through a pointer).
func (e *encoder) encode(v reflect.Value) {
	if e.err != nil {
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			e.uvarint(1)
		} else {
			e.uvarint(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.uvarint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.uvarint(v.Uint())
	case reflect.Float32, reflect.Float64:
		e.uvarint(uint64FromFloat(v.Float()))
	case reflect.String:
		e.uvarint(uint64(v.Len()))
		e.w.WriteString(v.String())
	case reflect.Slice:
		if v.IsNil() {
			e.uvarint(0)
			return
		}
		e.uvarint(uint64(v.Len()) + 1)
		if raw, ok := rawWords(v); ok {
			e.w.Write(raw)
			return
		}
		for i := 0; i < v.Len(); i++ {
			e.encode(v.Index(i))
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			e.encode(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			e.uvarint(0)
			return
		}
		e.uvarint(uint64(v.Len()) + 1)
		k, val := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		for it := v.MapRange(); it.Next(); {
			k.SetIterKey(it)
			val.SetIterValue(it)
			e.encode(k)
			e.encode(val)
		}
	case reflect.Pointer:
		e.pointer(v)
	case reflect.Struct:
		e.structValue(v)
	case reflect.Interface:
		e.iface(v)
	default:
		e.err = fmt.Errorf("%w: %s", errCodec, v.Type())
	}
}

// pointer writes 0 for nil, 1 + the value for a first sighting, and
// 2 + an index for a pointer already written.
func (e *encoder) pointer(v reflect.Value) {
	if v.IsNil() {
		e.uvarint(0)
		return
	}
	p := v.UnsafePointer()
	if id, ok := e.ptrs[p]; ok {
		e.uvarint(2)
		e.uvarint(id)
		return
	}
	e.ptrs[p] = uint64(len(e.ptrs))
	e.uvarint(1)
	e.encode(v.Elem())
}

func (e *encoder) structValue(v reflect.Value) {
	if v.Type() == timeType {
		b, err := v.Interface().(time.Time).MarshalBinary()
		if err != nil {
			e.err = err
			return
		}
		e.bytes(b)
		return
	}
	for i := 0; i < v.NumField(); i++ {
		e.encode(settable(v.Field(i)))
	}
}

// iface stores interface values (front matter params for themes) as YAML,
// which gives back exactly the types the front matter decoder produced.
func (e *encoder) iface(v reflect.Value) {
	if v.IsNil() {
		e.uvarint(0)
		return
	}
	b, err := yaml.Marshal(v.Interface())
	if err != nil {
		e.err = err
		return
	}
	e.uvarint(1)
	e.bytes(b)
}

func (e *encoder) flush() error {
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// settable returns a writable view of v even when v is an unexported field.
func settable(v reflect.Value) reflect.Value {
	if v.CanSet() {
		return v
	}
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

// rawWords returns the bytes of a slice of 32-bit numbers, which is how
// token sequences are stored; the cache is read back on the same machine,
// so native byte order is fine.
func rawWords(v reflect.Value) ([]byte, bool) {
	switch v.Type().Elem().Kind() {
	case reflect.Uint32, reflect.Int32:
		if v.Len() == 0 {
			return nil, true
		}
		return unsafe.Slice((*byte)(v.UnsafePointer()), v.Len()*4), true
	}
	return nil, false
}

func uint64FromFloat(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }
func floatFromUint64(u uint64) float64 { return *(*float64)(unsafe.Pointer(&u)) }
