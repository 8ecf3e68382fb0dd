package nodegroup

import (
	"fmt"
	"reflect"
)

// maxTreeDepth bounds the nesting of the free-form inputs (kubeletConfig, bottlerocketSettings,
// containerdBaseRuntimeSpec): no real configuration comes near it, and the renderers and
// checks walk these values recursively.
const maxTreeDepth = 64

// checkTrees refuses a free-form input that contains itself (a Go map or slice reachable from
// itself) or nests deeper than maxTreeDepth. Such a value would send every recursive walk —
// printing, merging, encoding — into an endless descent that crashes the program rather than
// returning an error, so it is refused before anything else looks at it.
func checkTrees(a *NodeGroupArgs) problems {
	var p problems
	if a == nil {
		return p
	}
	for _, t := range []struct {
		prop string
		v    map[string]any
	}{{"kubeletConfig", a.KubeletConfig}, {"bottlerocketSettings", a.BottlerocketSettings}, {"containerdBaseRuntimeSpec", a.ContainerdBaseRuntimeSpec}} {
		if msg := treeProblem(reflect.ValueOf(t.v), 0, map[uintptr]bool{}); msg != "" {
			p.addf("%s %s", t.prop, msg)
		}
	}
	return p
}

// treeProblem walks v and says what is wrong with it, or "".
func treeProblem(v reflect.Value, depth int, onPath map[uintptr]bool) string {
	for v.IsValid() && (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	if !v.IsValid() || (v.Kind() != reflect.Map && v.Kind() != reflect.Slice && v.Kind() != reflect.Array) {
		return ""
	}
	if depth > maxTreeDepth {
		return fmt.Sprintf("is nested more than %d levels deep", maxTreeDepth)
	}
	if v.Kind() != reflect.Array && !v.IsNil() {
		id := v.Pointer()
		if v.Kind() == reflect.Slice && v.Len() == 0 {
			id = 0 // empty slices may share a backing array without containing anything
		}
		if id != 0 {
			if onPath[id] {
				return "contains itself: a map or list in it refers back to one that holds it"
			}
			onPath[id] = true
			defer delete(onPath, id)
		}
	}
	if v.Kind() == reflect.Map {
		iter := v.MapRange()
		for iter.Next() {
			if msg := treeProblem(iter.Value(), depth+1, onPath); msg != "" {
				return msg
			}
		}
		return ""
	}
	for i := 0; i < v.Len(); i++ {
		if msg := treeProblem(v.Index(i), depth+1, onPath); msg != "" {
			return msg
		}
	}
	return ""
}
