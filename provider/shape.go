package provider

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// checkShapes compares the inputs a program sent with the Go types of the component's
// arguments before they are decoded, so that every property of the wrong type or unknown name
// is reported at once, by its path (`cluster.version`), in the words of the user's language —
// instead of the first decoding failure naming only the outer object.
func checkShapes(token, name string, inputs property.Map) error {
	comp, ok := components[token]
	if !ok {
		return nil
	}
	var problems []string
	checkObject(&problems, "", inputs, comp.args)
	if len(problems) == 0 {
		return nil
	}
	return &nodegroup.ValidationError{Token: token, Name: name, Problems: problems}
}

var (
	stringInputType      = reflect.TypeFor[pulumi.StringInput]()
	stringArrayInputType = reflect.TypeFor[pulumi.StringArrayInput]()
	stringMapInputType   = reflect.TypeFor[pulumi.StringMapInput]()
	stringType           = reflect.TypeFor[string]()
)

// checkObject checks the properties of an object against the Go struct t.
func checkObject(problems *[]string, path string, m property.Map, t reflect.Type) {
	fields := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("pulumi"), ","); name != "" {
			fields[name] = t.Field(i)
		}
	}
	keys := m.AllStable
	for key, v := range keys {
		f, ok := fields[key]
		if !ok {
			*problems = append(*problems, fmt.Sprintf("%s is not a property%s%s", joinPath(path, key), of(path), suggest(key, fields)))
			continue
		}
		checkValue(problems, joinPath(path, key), v, f.Type)
	}
}

// checkValue checks one value against the Go type t.
func checkValue(problems *[]string, path string, v property.Value, t reflect.Type) {
	if v.IsNull() || v.IsComputed() {
		return // absent, or known only at deploy time: the constructor checks it then
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case stringInputType:
		t = stringType
	case stringArrayInputType:
		t = reflect.TypeFor[[]string]()
	case stringMapInputType:
		t = reflect.TypeFor[map[string]string]()
	}
	bad := func(want string) {
		hint := ""
		if v.IsNumber() && t.Kind() == reflect.String {
			n := strconv.FormatFloat(v.AsNumber(), 'f', -1, 64)
			hint = fmt.Sprintf(" (in YAML, quote it: \"%s\")", n)
			if strings.HasSuffix(path, "version") {
				hint = fmt.Sprintf(" (in YAML, quote versions: \"%s\"; an unquoted 1.30 arrives as 1.3)", n)
			}
		}
		*problems = append(*problems, fmt.Sprintf("%s: expected %s, got %s%s", path, want, describe(v), hint))
	}
	switch t.Kind() {
	case reflect.String:
		if !v.IsString() {
			bad("a string")
		}
	case reflect.Int:
		if !v.IsNumber() {
			bad("a whole number")
		} else if n := v.AsNumber(); n != math.Trunc(n) || math.Abs(n) > math.MaxInt32 {
			bad("a whole number")
		}
	case reflect.Float64:
		if !v.IsNumber() {
			bad("a number")
		}
	case reflect.Bool:
		if !v.IsBool() {
			bad("true or false")
		}
	case reflect.Slice:
		if !v.IsArray() {
			bad("a list")
			return
		}
		for i, item := range v.AsArray().All {
			checkValue(problems, fmt.Sprintf("%s[%d]", path, i), item, t.Elem())
		}
	case reflect.Map:
		if !v.IsMap() {
			bad("a map")
			return
		}
		for key, item := range v.AsMap().AllStable {
			checkValue(problems, fmt.Sprintf("%s[%q]", path, key), item, t.Elem())
		}
	case reflect.Struct:
		if !v.IsMap() {
			bad("an object")
			return
		}
		checkObject(problems, path, v.AsMap(), t)
	}
}

// describe names a value's kind for a message.
func describe(v property.Value) string {
	switch {
	case v.IsString():
		return fmt.Sprintf("the string %q", v.AsString())
	case v.IsNumber():
		return "the number " + strconv.FormatFloat(v.AsNumber(), 'f', -1, 64)
	case v.IsBool():
		return strconv.FormatBool(v.AsBool())
	case v.IsArray():
		return "a list"
	case v.IsMap():
		return "a map"
	case v.IsResourceReference():
		return "a resource"
	case v.IsAsset(), v.IsArchive():
		return "an asset"
	}
	return "a value of another type"
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func of(path string) string {
	if path == "" {
		return ""
	}
	return " of " + path
}

// suggest names the property a misspelt key most likely means: same letters in another case,
// or snake_case for camelCase.
func suggest(key string, fields map[string]reflect.StructField) string {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if norm(name) == norm(key) {
			return fmt.Sprintf("; did you mean %s?", name)
		}
	}
	return ""
}
