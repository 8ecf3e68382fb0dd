// Package fakeaws is a TEST DOUBLE of the Pulumi AWS provider plugin (pulumi-resource-aws,
// pulumi-aws v6.83.2). It exists only so that eksnodes' end-to-end tests can run the real
// Pulumi engine without an AWS account.
//
// It NEVER ships and must NEVER be used against real infrastructure: it talks to no AWS API,
// keeps no state of its own, and invents every identifier it returns (account 123456789012,
// sg-…, lt-…, ARNs). Nothing it reports says anything about what AWS would do beyond the
// few rules written down in this package.
//
// What it does:
//
//   - It knows exactly nine resource types and two functions (see [ResourceTokens] and
//     [FunctionTokens]); anything else is an error naming the token.
//   - It checks every input against the pulumi-aws Go SDK v6.83.2 types, found by reflection
//     (schema.go): an unknown property at any depth, a value of the wrong type, or a missing
//     required input is a check failure naming the property path.
//   - It computes deterministic outputs (outputs.go): the same URN and inputs give the same
//     IDs, ARNs and generated names on every run, with no randomness and no wall clock.
//   - It diffs inputs semantically and marks as replacements the properties Terraform's AWS
//     provider declares ForceNew/RequiresReplace (diff.go).
//   - It answers aws:index/getPartition:getPartition and aws:ssm/getParameter:getParameter for
//     EKS-optimized Amazon Linux 2023 AMI parameters only (invoke.go).
//
// The plugin binary is built from ./cmd/pulumi-resource-aws; see README.md.
package fakeaws
