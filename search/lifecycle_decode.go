package search

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"reflect"
	"time"
	"unsafe"

	"go.yaml.in/yaml/v3"
)

// decoder reads what encoder wrote, into values of the same types.
type decoder struct {
	r    *bufio.Reader
	ptrs []reflect.Value
	err  error
}

func newDecoder(r io.Reader) *decoder { return &decoder{r: bufio.NewReaderSize(r, 1<<20)} }

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	u, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = err
	}
	return u
}

// length reads a count and refuses absurd ones, so that a damaged file
// fails instead of allocating gigabytes.
func (d *decoder) length(n uint64) int {
	if n > 1<<31 {
		d.err = fmt.Errorf("%w: length %d", errCodec, n)
		return 0
	}
	return int(n)
}

func (d *decoder) bytes() []byte { return d.bytesOfLen(d.length(d.uvarint())) }

// decode fills v, which must be settable.
func (d *decoder) decode(v reflect.Value) {
	if d.err != nil {
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(d.uvarint() == 1)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(d.uvarint()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		v.SetUint(d.uvarint())
	case reflect.Float32, reflect.Float64:
		v.SetFloat(floatFromUint64(d.uvarint()))
	case reflect.String:
		// The bytes are fresh and never written again, so they can back
		// the string without a copy: article bodies are most of the cache.
		if b := d.bytesOfLen(d.length(d.uvarint())); len(b) > 0 {
			v.SetString(unsafe.String(&b[0], len(b)))
		}
	case reflect.Slice:
		n := d.uvarint()
		if n == 0 {
			return
		}
		l := d.length(n - 1)
		s := reflect.MakeSlice(v.Type(), l, l)
		if raw, ok := rawWords(s); ok {
			if _, err := io.ReadFull(d.r, raw); err != nil {
				d.err = err
			}
		} else {
			for i := 0; i < l; i++ {
				d.decode(s.Index(i))
			}
		}
		v.Set(s)
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			d.decode(v.Index(i))
		}
	case reflect.Map:
		n := d.uvarint()
		if n == 0 {
			return
		}
		l := d.length(n - 1)
		m := reflect.MakeMapWithSize(v.Type(), l)
		for i := 0; i < l && d.err == nil; i++ {
			k, val := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			d.decode(k)
			d.decode(val)
			m.SetMapIndex(k, val)
		}
		v.Set(m)
	case reflect.Pointer:
		d.pointer(v)
	case reflect.Struct:
		d.structValue(v)
	case reflect.Interface:
		if d.uvarint() == 0 {
			return
		}
		var x any
		if err := yaml.Unmarshal(d.bytes(), &x); err != nil && d.err == nil {
			d.err = err
		}
		if x != nil {
			v.Set(reflect.ValueOf(x))
		}
	default:
		d.err = fmt.Errorf("%w: %s", errCodec, v.Type())
	}
}

func (d *decoder) bytesOfLen(n int) []byte {
	if d.err != nil {
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = err
	}
	return b
}

func (d *decoder) pointer(v reflect.Value) {
	switch d.uvarint() {
	case 0:
	case 1:
		p := reflect.New(v.Type().Elem())
		d.ptrs = append(d.ptrs, p)
		d.decode(p.Elem())
		v.Set(p)
	case 2:
		id := d.uvarint()
		if id >= uint64(len(d.ptrs)) {
			d.err = fmt.Errorf("%w: dangling pointer %d", errCodec, id)
			return
		}
		v.Set(d.ptrs[id])
	default:
		d.err = fmt.Errorf("%w: bad pointer tag", errCodec)
	}
}

func (d *decoder) structValue(v reflect.Value) {
	if v.Type() == timeType {
		var t time.Time
		if err := t.UnmarshalBinary(d.bytes()); err != nil && d.err == nil {
			d.err = err
		}
		v.Set(reflect.ValueOf(t))
		return
	}
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if !f.CanSet() {
			f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
		}
		d.decode(f)
	}
}
