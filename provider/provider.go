// Package provider exposes the nodegroup components to every Pulumi language as the
// multi-language provider "eksnodes". The components are the same constructors Go programs
// call directly; nothing about them lives only here.
package provider

import (
	"context"
	_ "embed"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
)

// Name is the Pulumi package name.
const Name = "eksnodes"

// Version is the provider version, set by the linker (-X) when the plugin is built. It is the
// one place the version is written: the Makefile, the schema, the SDKs' package metadata and the
// release tarballs' names read it from here.
var Version = "0.1.0"

// sdkReadme is the README of the npm and PyPI packages (what their registries show).
//
//go:embed sdk-readme.md
var sdkReadme string

// PluginDownloadURL is where the Pulumi CLI downloads the plugin when a program uses the
// published SDK and the plugin is not installed: the repository's GitHub releases, tagged
// v<version>, each holding pulumi-resource-eksnodes-v<version>-<os>-<arch>.tar.gz (make dist).
const PluginDownloadURL = "github://api.github.com/eksnodes/pulumi-eksnodes"

// New builds the provider.
func New() (p.Provider, error) {
	prov, err := builder().Build()
	if err != nil {
		return prov, err
	}
	inferred := prov.GetSchema
	prov.GetSchema = func(ctx context.Context, req p.GetSchemaRequest) (p.GetSchemaResponse, error) {
		resp, err := inferred(ctx, req)
		if err != nil {
			return resp, err
		}
		resp.Schema, err = completeSchema(resp.Schema)
		return resp, err
	}
	decode := prov.Construct
	prov.Construct = func(ctx context.Context, req p.ConstructRequest) (p.ConstructResponse, error) {
		if err := checkShapes(string(req.Urn.Type()), req.Urn.Name(), req.Inputs); err != nil {
			return p.ConstructResponse{}, err
		}
		return decode(ctx, req)
	}
	return prov, nil
}

func builder() *infer.ProviderBuilder {
	return infer.NewProviderBuilder().
		WithDisplayName("eksnodes").
		WithDescription("Production-grade Amazon EKS self-managed worker nodes: node role, hardened security groups, launch template with bootstrap user data, and an Auto Scaling group that rolls nodes safely.").
		WithKeywords("pulumi", "aws", "eks", "kubernetes", "nodegroup", "kind/component", "category/cloud").
		WithHomepage("https://github.com/eksnodes/pulumi-eksnodes").
		WithRepository("https://github.com/eksnodes/pulumi-eksnodes").
		WithPublisher("eksnodes").
		WithLicense("Apache-2.0").
		WithPluginDownloadURL(PluginDownloadURL).
		WithNamespace("eksnodes").
		WithLanguageMap(map[string]any{
			"nodejs": map[string]any{
				"packageName":          "@eksnodes/eksnodes",
				"packageDescription":   "Production-grade Amazon EKS self-managed worker nodes in one component.",
				"readme":               sdkReadme,
				"respectSchemaVersion": true,
			},
			"python": map[string]any{
				"packageName":          "pulumi_eksnodes",
				"readme":               sdkReadme,
				"respectSchemaVersion": true,
				"pyproject":            map[string]any{"enabled": true},
			},
			"go": map[string]any{
				"importBasePath":                 "github.com/eksnodes/pulumi-eksnodes/nodegroup",
				"generateResourceContainerTypes": true,
				"respectSchemaVersion":           true,
			},
		}).
		WithComponents(
			infer.ComponentF(nodegroup.NewNodeGroup),
			infer.ComponentF(nodegroup.NewNodeRole),
			infer.ComponentF(nodegroup.NewNodeSecurityGroup),
		).
		WithModuleMap(map[tokens.ModuleName]tokens.ModuleName{"nodegroup": "index"})
}
