package fakeaws_test

import (
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/tests/fakeaws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlacementGroupLifecycle(t *testing.T) {
	s := newServer(t)
	u := urn(fakeaws.PlacementGroupToken, "training")
	checked := checkOK(t, s, u, obj(map[string]any{"strategy": "cluster"}))
	name := str(t, checked, "name")
	assert.Regexp(t, `^training-[0-9a-f]{7}$`, name, "autonamed without a namePrefix")

	id, out, _ := create(t, s, u, map[string]any{"strategy": "cluster", "name": name, "tags": map[string]any{"team": "ml"}})
	assert.Equal(t, name, id, "a placement group's ID is its name")
	assert.Equal(t, "arn:aws:ec2:us-west-2:123456789012:placement-group/"+name, str(t, out, "arn"))
	assert.Regexp(t, `^pg-0[0-9a-f]{16}$`, str(t, out, "placementGroupId"))
	assert.NotContains(t, out.AsMap(), "partitionCount")

	_, part, _ := create(t, s, urn(fakeaws.PlacementGroupToken, "hdfs"), map[string]any{"strategy": "partition", "name": "hdfs"})
	assert.Equal(t, 2.0, num(t, part, "partitionCount"))
	_, spread, _ := create(t, s, urn(fakeaws.PlacementGroupToken, "spread"), map[string]any{"strategy": "spread", "name": "spread"})
	assert.Equal(t, "rack", str(t, spread, "spreadLevel"))

	require.NotEmpty(t, failures(t, s, fakeaws.PlacementGroupToken, map[string]any{"strategy": 3}), "a strategy is a string")
}
