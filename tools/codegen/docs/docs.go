// Package docs reads the descriptions of eksnodes' schema from the Go doc comments of the
// nodegroup package, so Go users (on pkg.go.dev) and TypeScript, Python and YAML users (through
// the schema) read the same text, written once.
//
// A struct type's comment describes the object type or component; each field's comment with a
// `pulumi:"..."` tag describes that property. A field comment of the form "Same as
// [Type.Field]." takes the text of that field, so two structs that share a property share its
// description. A string type with typed constants is an enum: the type's comment describes it,
// each constant's comment describes that value, and the value's name in the SDKs is the
// constant's name without the prefix all the type's constants share, unless a `//schema:name`
// line names it.
package docs

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Set is every description of the package, by Go type name.
type Set struct {
	Types map[string]Type `json:"types"`
	Enums map[string]Enum `json:"enums"`
}

// Type is a struct: a component, its arguments, or an object type.
type Type struct {
	Description string            `json:"description"`
	Fields      map[string]string `json:"fields"` // by Go field name
}

// Enum is a string type with typed constants.
type Enum struct {
	Description string  `json:"description"`
	Values      []Value `json:"values"` // in source order
}

// Value is one enum constant.
type Value struct {
	Name        string `json:"name"`
	Value       string `json:"value"`
	Description string `json:"description"`
}

var sameAs = regexp.MustCompile(`^Same as \[(\w+)\.(\w+)\]\.$`)

// Read extracts the descriptions of the Go package in dir (test files excluded). Every
// property and enum value must be described: a missing description is an error naming it.
func Read(dir string) (Set, error) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, parser.ParseComments)
	if err != nil {
		return Set{}, err
	}
	if len(pkgs) != 1 {
		return Set{}, fmt.Errorf("%s: want one package, found %d", dir, len(pkgs))
	}
	var files []*ast.File
	for _, p := range pkgs {
		for _, f := range p.Files {
			files = append(files, f)
		}
	}
	sort.Slice(files, func(i, j int) bool { return fset.File(files[i].Pos()).Name() < fset.File(files[j].Pos()).Name() })
	pkg, err := doc.NewFromFiles(fset, files, "nodegroup")
	if err != nil {
		return Set{}, err
	}
	set := Set{Types: map[string]Type{}, Enums: map[string]Enum{}}
	var problems []string
	for _, t := range pkg.Types {
		spec := typeSpec(t)
		if spec == nil {
			continue
		}
		switch st := spec.Type.(type) {
		case *ast.StructType:
			fields := map[string]string{}
			for _, f := range st.Fields.List {
				if f.Tag == nil || len(f.Names) != 1 {
					continue
				}
				tag, _ := strconv.Unquote(f.Tag.Value)
				if _, ok := reflect.StructTag(tag).Lookup("pulumi"); !ok {
					continue
				}
				fields[f.Names[0].Name] = text(f.Doc)
			}
			if len(fields) > 0 {
				set.Types[t.Name] = Type{Description: paragraphs(t.Doc), Fields: fields}
			}
		case *ast.Ident:
			if st.Name != "string" || len(t.Consts) == 0 {
				continue
			}
			e, errs := enum(t)
			problems = append(problems, errs...)
			set.Enums[t.Name] = e
		}
	}
	problems = append(problems, resolve(&set)...)
	if len(problems) > 0 {
		sort.Strings(problems)
		return set, fmt.Errorf("undocumented:\n  %s", strings.Join(problems, "\n  "))
	}
	return set, nil
}

func typeSpec(t *doc.Type) *ast.TypeSpec {
	for _, s := range t.Decl.Specs {
		if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.Name == t.Name {
			return ts
		}
	}
	return nil
}

// enum reads the constants of a string type in source order.
func enum(t *doc.Type) (Enum, []string) {
	e := Enum{Description: paragraphs(t.Doc)}
	var problems []string
	var idents []string
	named := map[string]string{}
	for _, group := range t.Consts {
		for _, s := range group.Decl.Specs {
			vs, ok := s.(*ast.ValueSpec)
			if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 {
				continue
			}
			lit, ok := vs.Values[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				problems = append(problems, fmt.Sprintf("%s: the value of an enum constant must be a string literal", vs.Names[0].Name))
				continue
			}
			value, _ := strconv.Unquote(lit.Value)
			ident := vs.Names[0].Name
			idents = append(idents, ident)
			named[ident] = directive(vs.Doc, "schema:name")
			e.Values = append(e.Values, Value{Name: ident, Value: value, Description: text(vs.Doc)})
			if text(vs.Doc) == "" {
				problems = append(problems, fmt.Sprintf("%s (enum %s)", ident, t.Name))
			}
		}
	}
	prefix := sharedPrefix(idents)
	for i := range e.Values {
		switch n := named[e.Values[i].Name]; {
		case n != "":
			e.Values[i].Name = n
		case len(e.Values[i].Name) > len(prefix):
			e.Values[i].Name = e.Values[i].Name[len(prefix):]
		}
	}
	if e.Description == "" {
		problems = append(problems, "enum "+t.Name)
	}
	return e, problems
}

// sharedPrefix returns the longest prefix every identifier shares that ends a word: a lower
// case letter followed, in every identifier, by an upper case one (Variant in VariantNvidia,
// VariantFips).
func sharedPrefix(idents []string) string {
	if len(idents) < 2 {
		return ""
	}
	p := idents[0]
	for _, id := range idents[1:] {
		for !strings.HasPrefix(id, p) {
			p = p[:len(p)-1]
		}
	}
	for ; len(p) > 0; p = p[:len(p)-1] {
		if !unicode.IsLower(rune(p[len(p)-1])) {
			continue
		}
		boundary := true
		for _, id := range idents {
			if len(id) == len(p) || !unicode.IsUpper(rune(id[len(p)])) {
				boundary = false
			}
		}
		if boundary {
			return p
		}
	}
	return ""
}

// directive returns the argument of a `//name arg` line in a comment group.
func directive(g *ast.CommentGroup, name string) string {
	if g == nil {
		return ""
	}
	for _, c := range g.List {
		if arg, ok := strings.CutPrefix(c.Text, "//"+name+" "); ok {
			return strings.TrimSpace(arg)
		}
	}
	return ""
}

// text returns a doc comment as the schema's markdown: the lines of a paragraph joined,
// paragraphs separated by a blank line, directives left out.
func text(g *ast.CommentGroup) string {
	if g == nil {
		return ""
	}
	return paragraphs(g.Text())
}

// paragraphs joins the lines of each paragraph of a comment's text.
func paragraphs(doc string) string {
	var paras []string
	for _, p := range strings.Split(strings.TrimSpace(doc), "\n\n") {
		paras = append(paras, strings.Join(strings.Fields(p), " "))
	}
	return strings.TrimSpace(strings.Join(paras, "\n\n"))
}

// resolve replaces "Same as [T.F]." by the text of T.F and reports fields left undescribed.
func resolve(set *Set) []string {
	var problems []string
	for name, t := range set.Types {
		for f, d := range t.Fields {
			if m := sameAs.FindStringSubmatch(d); m != nil {
				target, ok := set.Types[m[1]].Fields[m[2]]
				if !ok || sameAs.MatchString(target) {
					problems = append(problems, fmt.Sprintf("%s.%s: %q names no described field", name, f, d))
					continue
				}
				t.Fields[f] = target
			} else if d == "" {
				problems = append(problems, name+"."+f)
			}
		}
	}
	return problems
}

// JSON returns the set as the indented JSON the provider embeds.
func (s Set) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(s, "", "  ")
	return append(b, '\n'), err
}

// Package is the folder, relative to the repository root, whose doc comments are read, and
// Output the file they are written to.
const (
	Package = "nodegroup"
	Output  = "provider/docs.json"
)
