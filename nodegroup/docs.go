package nodegroup

import (
	"reflect"
	"strings"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// PropertyDoc documents one schema property of a component's inputs or outputs.
type PropertyDoc struct {
	Name        string // as TypeScript and Python users spell it
	Type        string
	Required    bool
	Description string
}

// recorder is an infer.Annotator that keeps the descriptions by field address and type (a
// struct and its first field share an address).
type recorder struct {
	byAddr map[addrKey]string
}

type addrKey struct {
	addr uintptr
	typ  reflect.Type
}

func keyOf(i any) addrKey {
	v := reflect.ValueOf(i)
	return addrKey{v.Pointer(), v.Type()}
}

func (r *recorder) Describe(i any, d string) {
	r.byAddr[keyOf(i)] = d
}
func (r *recorder) SetDefault(any, any, ...string)              {}
func (r *recorder) SetToken(tokens.ModuleName, tokens.TypeName) {}
func (r *recorder) AddAlias(tokens.ModuleName, tokens.TypeName) {}
func (r *recorder) Deprecate(any, string)                       {}

// PropertyDocs lists the documented properties of v, a pointer to an annotated struct, in
// field order. It is the source of the README's tables.
func PropertyDocs(v infer.Annotated) []PropertyDoc {
	rec := &recorder{byAddr: map[addrKey]string{}}
	v.Annotate(rec)
	val := reflect.ValueOf(v).Elem()
	var out []PropertyDoc
	for i := 0; i < val.NumField(); i++ {
		f := val.Type().Field(i)
		tag, ok := f.Tag.Lookup("pulumi")
		if !ok {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		out = append(out, PropertyDoc{
			Name:        name,
			Type:        typeName(f.Type),
			Required:    !strings.Contains(opts, "optional"),
			Description: rec.byAddr[keyOf(val.Field(i).Addr().Interface())],
		})
	}
	return out
}

// Description returns the description v gives itself.
func Description(v infer.Annotated) string {
	rec := &recorder{byAddr: map[addrKey]string{}}
	v.Annotate(rec)
	return rec.byAddr[keyOf(v)]
}

// describeOption returns the description that o gives its field, so two structs that share a
// property share its text.
func describeOption(o infer.Annotated, field any) string {
	rec := &recorder{byAddr: map[addrKey]string{}}
	o.Annotate(rec)
	return rec.byAddr[keyOf(field)]
}

var (
	stringInput      = reflect.TypeFor[pulumi.StringInput]()
	stringArrayInput = reflect.TypeFor[pulumi.StringArrayInput]()
	stringOutput     = reflect.TypeFor[pulumi.StringOutput]()
	intOutput        = reflect.TypeFor[pulumi.IntOutput]()
)

// typeName names a Go field type the way the schema presents it.
func typeName(t reflect.Type) string {
	switch t {
	case stringInput, stringOutput:
		return "string"
	case stringArrayInput:
		return "string[]"
	case intOutput:
		return "integer"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return typeName(t.Elem())
	case reflect.String:
		if t.Name() != "string" {
			return t.Name() + " (enum)"
		}
		return "string"
	case reflect.Int:
		return "integer"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice:
		return typeName(t.Elem()) + "[]"
	case reflect.Map:
		return "map of " + typeName(t.Elem())
	case reflect.Interface:
		return "any"
	case reflect.Struct:
		return t.Name()
	}
	return t.String()
}
