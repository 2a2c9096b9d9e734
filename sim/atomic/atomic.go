package atomic

import (
	stdatomic "sync/atomic"
	"unsafe"
)

// AddInt32 atomically adds delta to *addr and returns the new value.
//
//go:norace
func AddInt32(addr *int32, delta int32) (new int32) {
	step("AddInt32")
	return stdatomic.AddInt32(addr, delta)
}

// AndInt32 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//go:norace
func AndInt32(addr *int32, mask int32) (old int32) {
	step("AndInt32")
	return stdatomic.AndInt32(addr, mask)
}

// OrInt32 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//go:norace
func OrInt32(addr *int32, mask int32) (old int32) {
	step("OrInt32")
	return stdatomic.OrInt32(addr, mask)
}

// AddInt64 atomically adds delta to *addr and returns the new value.
//
//go:norace
func AddInt64(addr *int64, delta int64) (new int64) {
	step("AddInt64")
	return stdatomic.AddInt64(addr, delta)
}

// AndInt64 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//go:norace
func AndInt64(addr *int64, mask int64) (old int64) {
	step("AndInt64")
	return stdatomic.AndInt64(addr, mask)
}

// OrInt64 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//go:norace
func OrInt64(addr *int64, mask int64) (old int64) {
	step("OrInt64")
	return stdatomic.OrInt64(addr, mask)
}

// AddUint32 atomically adds delta to *addr and returns the new value.
//
//go:norace
func AddUint32(addr *uint32, delta uint32) (new uint32) {
	step("AddUint32")
	return stdatomic.AddUint32(addr, delta)
}

// AndUint32 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//go:norace
func AndUint32(addr *uint32, mask uint32) (old uint32) {
	step("AndUint32")
	return stdatomic.AndUint32(addr, mask)
}

// OrUint32 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//go:norace
func OrUint32(addr *uint32, mask uint32) (old uint32) {
	step("OrUint32")
	return stdatomic.OrUint32(addr, mask)
}

// AddUint64 atomically adds delta to *addr and returns the new value.
//
//go:norace
func AddUint64(addr *uint64, delta uint64) (new uint64) {
	step("AddUint64")
	return stdatomic.AddUint64(addr, delta)
}

// AndUint64 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//go:norace
func AndUint64(addr *uint64, mask uint64) (old uint64) {
	step("AndUint64")
	return stdatomic.AndUint64(addr, mask)
}

// OrUint64 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//go:norace
func OrUint64(addr *uint64, mask uint64) (old uint64) {
	step("OrUint64")
	return stdatomic.OrUint64(addr, mask)
}

// AddUintptr atomically adds delta to *addr and returns the new value.
//
//go:norace
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) {
	step("AddUintptr")
	return stdatomic.AddUintptr(addr, delta)
}

// AndUintptr atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//go:norace
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	step("AndUintptr")
	return stdatomic.AndUintptr(addr, mask)
}

// OrUintptr atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//go:norace
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	step("OrUintptr")
	return stdatomic.OrUintptr(addr, mask)
}

// CompareAndSwapInt32 executes the compare-and-swap operation for a int32
// value.
//
//go:norace
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) {
	step("CompareAndSwapInt32")
	return stdatomic.CompareAndSwapInt32(addr, old, new)
}

// LoadInt32 atomically loads *addr.
//
//go:norace
func LoadInt32(addr *int32) (val int32) {
	step("LoadInt32")
	return stdatomic.LoadInt32(addr)
}

// StoreInt32 atomically stores val into *addr.
//
//go:norace
func StoreInt32(addr *int32, val int32) {
	step("StoreInt32")
	stdatomic.StoreInt32(addr, val)
}

// SwapInt32 atomically stores new into *addr and returns the previous *addr
// value.
//
//go:norace
func SwapInt32(addr *int32, new int32) (old int32) {
	step("SwapInt32")
	return stdatomic.SwapInt32(addr, new)
}

// CompareAndSwapInt64 executes the compare-and-swap operation for a int64
// value.
//
//go:norace
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) {
	step("CompareAndSwapInt64")
	return stdatomic.CompareAndSwapInt64(addr, old, new)
}

// LoadInt64 atomically loads *addr.
//
//go:norace
func LoadInt64(addr *int64) (val int64) {
	step("LoadInt64")
	return stdatomic.LoadInt64(addr)
}

// StoreInt64 atomically stores val into *addr.
//
//go:norace
func StoreInt64(addr *int64, val int64) {
	step("StoreInt64")
	stdatomic.StoreInt64(addr, val)
}

// SwapInt64 atomically stores new into *addr and returns the previous *addr
// value.
//
//go:norace
func SwapInt64(addr *int64, new int64) (old int64) {
	step("SwapInt64")
	return stdatomic.SwapInt64(addr, new)
}

// CompareAndSwapUint32 executes the compare-and-swap operation for a uint32
// value.
//
//go:norace
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) {
	step("CompareAndSwapUint32")
	return stdatomic.CompareAndSwapUint32(addr, old, new)
}

// LoadUint32 atomically loads *addr.
//
//go:norace
func LoadUint32(addr *uint32) (val uint32) {
	step("LoadUint32")
	return stdatomic.LoadUint32(addr)
}

// StoreUint32 atomically stores val into *addr.
//
//go:norace
func StoreUint32(addr *uint32, val uint32) {
	step("StoreUint32")
	stdatomic.StoreUint32(addr, val)
}

// SwapUint32 atomically stores new into *addr and returns the previous *addr
// value.
//
//go:norace
func SwapUint32(addr *uint32, new uint32) (old uint32) {
	step("SwapUint32")
	return stdatomic.SwapUint32(addr, new)
}

// CompareAndSwapUint64 executes the compare-and-swap operation for a uint64
// value.
//
//go:norace
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) {
	step("CompareAndSwapUint64")
	return stdatomic.CompareAndSwapUint64(addr, old, new)
}

// LoadUint64 atomically loads *addr.
//
//go:norace
func LoadUint64(addr *uint64) (val uint64) {
	step("LoadUint64")
	return stdatomic.LoadUint64(addr)
}

// StoreUint64 atomically stores val into *addr.
//
//go:norace
func StoreUint64(addr *uint64, val uint64) {
	step("StoreUint64")
	stdatomic.StoreUint64(addr, val)
}

// SwapUint64 atomically stores new into *addr and returns the previous *addr
// value.
//
//go:norace
func SwapUint64(addr *uint64, new uint64) (old uint64) {
	step("SwapUint64")
	return stdatomic.SwapUint64(addr, new)
}

// CompareAndSwapUintptr executes the compare-and-swap operation for a uintptr
// value.
//
//go:norace
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) {
	step("CompareAndSwapUintptr")
	return stdatomic.CompareAndSwapUintptr(addr, old, new)
}

// LoadUintptr atomically loads *addr.
//
//go:norace
func LoadUintptr(addr *uintptr) (val uintptr) {
	step("LoadUintptr")
	return stdatomic.LoadUintptr(addr)
}

// StoreUintptr atomically stores val into *addr.
//
//go:norace
func StoreUintptr(addr *uintptr, val uintptr) {
	step("StoreUintptr")
	stdatomic.StoreUintptr(addr, val)
}

// SwapUintptr atomically stores new into *addr and returns the previous *addr
// value.
//
//go:norace
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) {
	step("SwapUintptr")
	return stdatomic.SwapUintptr(addr, new)
}

// CompareAndSwapPointer executes the compare-and-swap operation for a unsafe.Pointer
// value.
//
//go:norace
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool) {
	step("CompareAndSwapPointer")
	return stdatomic.CompareAndSwapPointer(addr, old, new)
}

// LoadPointer atomically loads *addr.
//
//go:norace
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer) {
	step("LoadPointer")
	return stdatomic.LoadPointer(addr)
}

// StorePointer atomically stores val into *addr.
//
//go:norace
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer) {
	step("StorePointer")
	stdatomic.StorePointer(addr, val)
}

// SwapPointer atomically stores new into *addr and returns the previous *addr
// value.
//
//go:norace
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer) {
	step("SwapPointer")
	return stdatomic.SwapPointer(addr, new)
}

// A Bool is an atomic boolean value. The zero value is false.
type Bool struct {
	v stdatomic.Bool
}

// Load atomically loads and returns the value stored in x.
//
//go:norace
func (x *Bool) Load() bool { step("Bool.Load"); return x.v.Load() }

// Store atomically stores val into x.
//
//go:norace
func (x *Bool) Store(val bool) { step("Bool.Store"); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value.
//
//go:norace
func (x *Bool) Swap(new bool) (old bool) { step("Bool.Swap"); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for the boolean
// value x.
//
//go:norace
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	step("Bool.CompareAndSwap")
	return x.v.CompareAndSwap(old, new)
}

// An Int32 is an atomic int32. The zero value is zero.
type Int32 struct {
	v stdatomic.Int32
}

// Load atomically loads and returns the value stored in x.
//
//go:norace
func (x *Int32) Load() int32 { step("Int32.Load"); return x.v.Load() }

// Store atomically stores val into x.
//
//go:norace
func (x *Int32) Store(val int32) { step("Int32.Store"); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value.
//
//go:norace
func (x *Int32) Swap(new int32) (old int32) { step("Int32.Swap"); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x.
//
//go:norace
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	step("Int32.CompareAndSwap")
	return x.v.CompareAndSwap(old, new)
}

// Add atomically adds delta to x and returns the new value.
//
//go:norace
func (x *Int32) Add(delta int32) (new int32) { step("Int32.Add"); return x.v.Add(delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
//
//go:norace
func (x *Int32) And(mask int32) (old int32) { step("Int32.And"); return x.v.And(mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
//
//go:norace
func (x *Int32) Or(mask int32) (old int32) { step("Int32.Or"); return x.v.Or(mask) }

// An Int64 is an atomic int64. The zero value is zero.
type Int64 struct {
	v stdatomic.Int64
}

// Load atomically loads and returns the value stored in x.
//
//go:norace
func (x *Int64) Load() int64 { step("Int64.Load"); return x.v.Load() }

// Store atomically stores val into x.
//
//go:norace
func (x *Int64) Store(val int64) { step("Int64.Store"); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value.
//
//go:norace
func (x *Int64) Swap(new int64) (old int64) { step("Int64.Swap"); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x.
//
//go:norace
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	step("Int64.CompareAndSwap")
	return x.v.CompareAndSwap(old, new)
}

// Add atomically adds delta to x and returns the new value.
//
//go:norace
func (x *Int64) Add(delta int64) (new int64) { step("Int64.Add"); return x.v.Add(delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
//
//go:norace
func (x *Int64) And(mask int64) (old int64) { step("Int64.And"); return x.v.And(mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
//
//go:norace
func (x *Int64) Or(mask int64) (old int64) { step("Int64.Or"); return x.v.Or(mask) }

// A Uint32 is an atomic uint32. The zero value is zero.
type Uint32 struct {
	v stdatomic.Uint32
}

// Load atomically loads and returns the value stored in x.
//
//go:norace
func (x *Uint32) Load() uint32 { step("Uint32.Load"); return x.v.Load() }

// Store atomically stores val into x.
//
//go:norace
func (x *Uint32) Store(val uint32) { step("Uint32.Store"); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value.
//
//go:norace
func (x *Uint32) Swap(new uint32) (old uint32) { step("Uint32.Swap"); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x.
//
//go:norace
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	step("Uint32.CompareAndSwap")
	return x.v.CompareAndSwap(old, new)
}

// Add atomically adds delta to x and returns the new value.
//
//go:norace
func (x *Uint32) Add(delta uint32) (new uint32) { step("Uint32.Add"); return x.v.Add(delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
//
//go:norace
func (x *Uint32) And(mask uint32) (old uint32) { step("Uint32.And"); return x.v.And(mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
//
//go:norace
func (x *Uint32) Or(mask uint32) (old uint32) { step("Uint32.Or"); return x.v.Or(mask) }

// A Uint64 is an atomic uint64. The zero value is zero.
type Uint64 struct {
	v stdatomic.Uint64
}

// Load atomically loads and returns the value stored in x.
//
//go:norace
func (x *Uint64) Load() uint64 { step("Uint64.Load"); return x.v.Load() }

// Store atomically stores val into x.
//
//go:norace
func (x *Uint64) Store(val uint64) { step("Uint64.Store"); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value.
//
//go:norace
func (x *Uint64) Swap(new uint64) (old uint64) { step("Uint64.Swap"); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x.
//
//go:norace
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) {
	step("Uint64.CompareAndSwap")
	return x.v.CompareAndSwap(old, new)
}

// Add atomically adds delta to x and returns the new value.
//
//go:norace
func (x *Uint64) Add(delta uint64) (new uint64) { step("Uint64.Add"); return x.v.Add(delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
//
//go:norace
func (x *Uint64) And(mask uint64) (old uint64) { step("Uint64.And"); return x.v.And(mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
//
//go:norace
func (x *Uint64) Or(mask uint64) (old uint64) { step("Uint64.Or"); return x.v.Or(mask) }

// A Uintptr is an atomic uintptr. The zero value is zero.
type Uintptr struct {
	v stdatomic.Uintptr
}

// Load atomically loads and returns the value stored in x.
//
//go:norace
func (x *Uintptr) Load() uintptr { step("Uintptr.Load"); return x.v.Load() }

// Store atomically stores val into x.
//
//go:norace
func (x *Uintptr) Store(val uintptr) { step("Uintptr.Store"); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value.
//
//go:norace
func (x *Uintptr) Swap(new uintptr) (old uintptr) { step("Uintptr.Swap"); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x.
//
//go:norace
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) {
	step("Uintptr.CompareAndSwap")
	return x.v.CompareAndSwap(old, new)
}

// Add atomically adds delta to x and returns the new value.
//
//go:norace
func (x *Uintptr) Add(delta uintptr) (new uintptr) { step("Uintptr.Add"); return x.v.Add(delta) }

// And atomically performs a bitwise AND operation on x using the bitmask
// provided as mask and returns the old value.
//
//go:norace
func (x *Uintptr) And(mask uintptr) (old uintptr) { step("Uintptr.And"); return x.v.And(mask) }

// Or atomically performs a bitwise OR operation on x using the bitmask
// provided as mask and returns the old value.
//
//go:norace
func (x *Uintptr) Or(mask uintptr) (old uintptr) { step("Uintptr.Or"); return x.v.Or(mask) }

// A Pointer is an atomic pointer of type *T. The zero value is a nil *T.
type Pointer[T any] struct {
	v stdatomic.Pointer[T]
}

// Load atomically loads and returns the value stored in x.
//
//go:norace
func (x *Pointer[T]) Load() *T { step("Pointer.Load"); return x.v.Load() }

// Store atomically stores val into x.
//
//go:norace
func (x *Pointer[T]) Store(val *T) { step("Pointer.Store"); x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value.
//
//go:norace
func (x *Pointer[T]) Swap(new *T) (old *T) { step("Pointer.Swap"); return x.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for x.
//
//go:norace
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	step("Pointer.CompareAndSwap")
	return x.v.CompareAndSwap(old, new)
}

// A Value provides an atomic load and store of a consistently typed value.
// The zero value for a Value returns nil from Load. Its panics are the real
// Value's, word for word.
type Value struct {
	v stdatomic.Value
}

// Load returns the value set by the most recent Store. It returns nil if
// there has been no call to Store for this Value.
//
//go:norace
func (v *Value) Load() (val any) { step("Value.Load"); return v.v.Load() }

// Store sets the value of the Value v to val. All calls to Store for a
// given Value must use values of the same concrete type. Store of an
// inconsistent type panics, as does Store(nil).
//
//go:norace
func (v *Value) Store(val any) { step("Value.Store"); v.v.Store(val) }

// Swap stores new into Value and returns the previous value. It returns nil
// if the Value is empty.
//
//go:norace
func (v *Value) Swap(new any) (old any) { step("Value.Swap"); return v.v.Swap(new) }

// CompareAndSwap executes the compare-and-swap operation for the Value.
//
//go:norace
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	step("Value.CompareAndSwap")
	return v.v.CompareAndSwap(old, new)
}
