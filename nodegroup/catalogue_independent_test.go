package nodegroup_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"
)

// ---------- mocks ----------

type rvMocks struct {
	mu     sync.Mutex
	custom []string
	comps  []string
	ud     []string
}

func (m *rvMocks) NewResource(a pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a.Custom {
		m.custom = append(m.custom, a.TypeToken+"::"+a.Name)
	} else {
		m.comps = append(m.comps, a.TypeToken+"::"+a.Name)
	}
	if v, ok := a.Inputs["userData"]; ok && v.IsString() {
		m.ud = append(m.ud, v.StringValue())
	}
	out := a.Inputs.Copy()
	out["arn"] = resource.NewStringProperty("arn:aws:iam::123456789012:role/" + a.Name)
	out["name"] = resource.NewStringProperty(a.Name)
	return a.Name + "-id", out, nil
}

func (m *rvMocks) Call(a pulumi.MockCallArgs) (resource.PropertyMap, error) {
	switch a.Token {
	case "aws:index/getPartition:getPartition":
		return resource.PropertyMap{"partition": resource.NewStringProperty("aws"), "dnsSuffix": resource.NewStringProperty("amazonaws.com"), "id": resource.NewStringProperty("aws")}, nil
	case "aws:ssm/getParameter:getParameter":
		name := ""
		if v, ok := a.Args["name"]; ok && v.IsString() {
			name = v.StringValue()
		}
		return resource.PropertyMap{"name": resource.NewStringProperty(name), "type": resource.NewStringProperty("String"), "value": resource.NewStringProperty("ami-0123456789abcdef0"), "insecureValue": resource.NewStringProperty("ami-0123456789abcdef0"), "id": resource.NewStringProperty(name)}, nil
	}
	return resource.PropertyMap{}, nil
}

// ---------- base inputs ----------

var rvCA = func() string {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "kubernetes"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour * 365), IsCA: true,
		BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, _ := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	return base64.StdEncoding.EncodeToString(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}()

func rvBase() *nodegroup.NodeGroupArgs {
	return &nodegroup.NodeGroupArgs{
		Cluster: nodegroup.ClusterArgs{
			Name:                 pulumi.String("demo"),
			Endpoint:             pulumi.String("https://ABCDEF0123456789ABCDEF0123456789.gr7.us-west-2.eks.amazonaws.com"),
			CertificateAuthority: pulumi.String(rvCA),
			ServiceCidr:          pulumi.String("172.20.0.0/16"),
			Version:              pulumi.String("1.33"),
			SecurityGroupId:      pulumi.String("sg-0123456789abcdef0"),
			VpcId:                pulumi.String("vpc-0123456789abcdef0"),
		},
		SubnetIds: pulumi.StringArray{pulumi.String("subnet-0123456789abcdef0"), pulumi.String("subnet-0fedcba9876543210")},
	}
}

func rvRoleBase() *nodegroup.NodeRoleArgs {
	return &nodegroup.NodeRoleArgs{ClusterName: pulumi.String("demo")}
}

func rvSGBase() *nodegroup.NodeSecurityGroupArgs {
	return &nodegroup.NodeSecurityGroupArgs{
		ClusterName:            pulumi.String("demo"),
		VpcId:                  pulumi.String("vpc-0123456789abcdef0"),
		ClusterSecurityGroupId: pulumi.String("sg-0123456789abcdef0"),
	}
}

func ip(i int) *int   { return &i }
func bp(b bool) *bool { return &b }

// ---------- case machinery ----------

type rvCase struct {
	name, class string
	run         func(ctx *pulumi.Context) error
	want        []string // nil: valid. Otherwise some problem must start with one of these
	all         bool     // every path in want must start some problem
	output      bool
	lenient     bool // optional typed-nil: accepting is also fine
	desc        string
}

func ngC(class, name, desc string, want []string, mod func(a *nodegroup.NodeGroupArgs)) rvCase {
	return rvCase{name: "NG/" + name, class: class, desc: desc, want: want, run: func(ctx *pulumi.Context) error {
		a := rvBase()
		mod(a)
		_, err := nodegroup.NewNodeGroup(ctx, "ng", a)
		return err
	}}
}

func roleC(class, name, desc string, want []string, mod func(a *nodegroup.NodeRoleArgs)) rvCase {
	return rvCase{name: "Role/" + name, class: class, desc: desc, want: want, run: func(ctx *pulumi.Context) error {
		a := rvRoleBase()
		mod(a)
		_, err := nodegroup.NewNodeRole(ctx, "role", a)
		return err
	}}
}

func sgC(class, name, desc string, want []string, mod func(a *nodegroup.NodeSecurityGroupArgs)) rvCase {
	return rvCase{name: "SG/" + name, class: class, desc: desc, want: want, run: func(ctx *pulumi.Context) error {
		a := rvSGBase()
		mod(a)
		_, err := nodegroup.NewNodeSecurityGroup(ctx, "sg", a)
		return err
	}}
}

func w(p ...string) []string { return p }

var ok []string = nil

type rvResult struct {
	c        rvCase
	outcome  string
	problems string
}

func rvRun(c rvCase) (err error, pan any, m *rvMocks, hung bool) {
	m = &rvMocks{}
	type outcome struct {
		err error
		pan any
	}
	done := make(chan outcome, 1) // the run's results reach the test only through the channel
	go func() {
		var o outcome
		defer func() {
			if r := recover(); r != nil {
				o.pan = r
			}
			done <- o
		}()
		o.err = pulumi.RunErr(func(ctx *pulumi.Context) (e error) {
			defer func() {
				if r := recover(); r != nil {
					o.pan = r
					e = fmt.Errorf("panic: %v", r)
				}
			}()
			return c.run(ctx)
		}, pulumi.WithMocks("p", "s", m))
	}()
	select {
	case o := <-done:
		return o.err, o.pan, m, false
	case <-time.After(20 * time.Second):
		return nil, nil, m, true
	}
}

func rvProblems(err error) ([]string, bool) {
	var ve *nodegroup.ValidationError
	if errors.As(err, &ve) {
		return ve.Problems, true
	}
	return nil, false
}

func rvMatch(probs []string, msg string, isVE bool, c rvCase) bool {
	hit := func(p string) bool {
		if isVE {
			for _, pr := range probs {
				if strings.HasPrefix(pr, p) {
					return true
				}
			}
			return false
		}
		return strings.Contains(msg, p)
	}
	if c.all {
		for _, p := range c.want {
			if !hit(p) {
				return false
			}
		}
		return true
	}
	for _, p := range c.want {
		if hit(p) {
			return true
		}
	}
	return false
}

func rvEval(c rvCase) rvResult {
	err, pan, m, hung := rvRun(c)
	r := rvResult{c: c}
	if err != nil {
		if probs, isVE := rvProblems(err); isVE {
			r.problems = strings.Join(probs, " | ")
		} else {
			r.problems = "(not ValidationError) " + err.Error()
		}
	}
	if len(r.problems) > 400 {
		r.problems = r.problems[:400] + "..."
	}
	switch {
	case hung:
		r.outcome = "hang"
		return r
	case pan != nil:
		r.outcome = "panic"
		r.problems = fmt.Sprint(pan)
		return r
	}
	if c.want == nil {
		if err != nil {
			r.outcome = "refused-valid"
		} else {
			r.outcome = "ok"
		}
		return r
	}
	if err == nil {
		if c.lenient {
			r.outcome = "ok"
			r.problems = "(accepted; lenient)"
		} else {
			r.outcome = "accepted-wrongly"
		}
		return r
	}
	if strings.Contains(err.Error(), "panic") {
		r.outcome = "panic"
		return r
	}
	probs, isVE := rvProblems(err)
	if !isVE && !c.output && len(m.custom) > 0 {
		r.outcome = "registered-before-refusal"
		r.problems += " || registered: " + strings.Join(m.custom, ",")
		return r
	}
	if !isVE && !c.output {
		r.outcome = "wrong-property"
		r.problems = "(no ValidationError) " + r.problems
		return r
	}
	if !rvMatch(probs, err.Error(), isVE, c) {
		r.outcome = "wrong-property"
		return r
	}
	if !c.output && len(m.custom) > 0 {
		r.outcome = "registered-before-refusal"
		r.problems += " || registered: " + strings.Join(m.custom, ",")
		return r
	}
	r.outcome = "ok"
	return r
}

// ---------- catalogue ----------

func sgRule(desc, proto string, from, to *int, v4 string) nodegroup.SecurityGroupRule {
	r := nodegroup.SecurityGroupRule{Description: desc, Protocol: proto, FromPort: from, ToPort: to}
	if v4 != "" {
		r.CidrIpv4 = pulumi.String(v4)
	}
	return r
}

func ingress(rules ...nodegroup.SecurityGroupRule) func(a *nodegroup.NodeGroupArgs) {
	return func(a *nodegroup.NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{IngressRules: rules}
	}
}

func rvCatalogue(boundary string) []rvCase {
	const ir0 = "nodeSecurityGroupOptions.ingressRules[0]"
	long := func(n int) string { return strings.Repeat("a", n) }
	os := func(o nodegroup.OperatingSystem) *nodegroup.OperatingSystem { return &o }
	arch := func(x nodegroup.Architecture) *nodegroup.Architecture { return &x }
	hb := nodegroup.HardeningBaseline
	var cs []rvCase
	add := func(c ...rvCase) { cs = append(cs, c...) }
	NS := "nodeSecurityGroupOptions."

	// ===== missing / nil / zero =====
	cl := "missing/nil/zero"
	add(
		ngC(cl, "cluster.name nil", "Cluster.Name=nil", w("cluster.name"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.Name = nil }),
		ngC(cl, "cluster.name zero Output", "StringOutput{}", w("cluster.name"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.Name = pulumi.StringOutput{} }),
		ngC(cl, "cluster.name typed nil", "(*pulumi.String)(nil)", w("cluster.name"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.Name = (*pulumi.String)(nil) }),
		ngC(cl, "cluster.name empty", `""`, w("cluster.name"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.Name = pulumi.String("") }),
		ngC(cl, "cluster.endpoint nil", "nil", w("cluster.endpoint"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.Endpoint = nil }),
		ngC(cl, "cluster.endpoint zero Output", "StringOutput{}", w("cluster.endpoint"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.Endpoint = pulumi.StringOutput{} }),
		ngC(cl, "cluster.certificateAuthority nil", "nil", w("cluster.certificateAuthority"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.CertificateAuthority = nil }),
		ngC(cl, "cluster.certificateAuthority typed nil", "(*pulumi.String)(nil)", w("cluster.certificateAuthority"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.CertificateAuthority = (*pulumi.String)(nil) }),
		ngC(cl, "cluster.serviceCidr nil", "nil", w("cluster.serviceCidr"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.ServiceCidr = nil }),
		ngC(cl, "cluster.serviceCidr zero Output", "StringOutput{}", w("cluster.serviceCidr"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.ServiceCidr = pulumi.StringOutput{} }),
		ngC(cl, "cluster.version nil w/o amiId", "nil", w("cluster.version"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.Version = nil }),
		ngC(cl, "cluster.version typed nil", "(*pulumi.String)(nil)", w("cluster.version"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.Version = (*pulumi.String)(nil) }),
		ngC(cl, "cluster.securityGroupId nil (creates SG)", "nil", w("cluster.securityGroupId"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.SecurityGroupId = nil }),
		ngC(cl, "cluster.vpcId nil (creates SG)", "nil", w("cluster.vpcId"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.VpcId = nil }),
		ngC(cl, "cluster.vpcId zero Output", "StringOutput{}", w("cluster.vpcId"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.VpcId = pulumi.StringOutput{} }),
		ngC(cl, "subnetIds nil", "nil", w("subnetIds"), func(a *nodegroup.NodeGroupArgs) { a.SubnetIds = nil }),
		ngC(cl, "subnetIds empty", "StringArray{}", w("subnetIds"), func(a *nodegroup.NodeGroupArgs) { a.SubnetIds = pulumi.StringArray{} }),
		ngC(cl, "subnetIds zero ArrayOutput", "StringArrayOutput{}", w("subnetIds"), func(a *nodegroup.NodeGroupArgs) { a.SubnetIds = pulumi.StringArrayOutput{} }),
		ngC(cl, "subnetIds[0] nil", "StringArray{nil}", w("subnetIds[0]"), func(a *nodegroup.NodeGroupArgs) { a.SubnetIds = pulumi.StringArray{nil} }),
		ngC(cl, "subnetIds[1] zero Output", "{ok, StringOutput{}}", w("subnetIds[1]"), func(a *nodegroup.NodeGroupArgs) {
			a.SubnetIds = pulumi.StringArray{pulumi.String("subnet-0123456789abcdef0"), pulumi.StringOutput{}}
		}),
		ngC(cl, "subnetIds[0] typed nil", "(*pulumi.String)(nil)", w("subnetIds[0]"), func(a *nodegroup.NodeGroupArgs) { a.SubnetIds = pulumi.StringArray{(*pulumi.String)(nil)} }),
		ngC(cl, "amiId zero Output", "StringOutput{}", w("amiId"), func(a *nodegroup.NodeGroupArgs) {
			a.AmiId = pulumi.StringOutput{}
			a.Architecture = arch(nodegroup.X86_64)
		}),
		ngC(cl, "instanceProfileArn zero Output", "StringOutput{} + roleArn", w("instanceProfileArn"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceProfileArn = pulumi.StringOutput{}
			a.RoleArn = pulumi.String("arn:aws:iam::123456789012:role/nodes")
		}),
		ngC(cl, "roleArn missing with instanceProfileArn", "", w("roleArn", "instanceProfileArn"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceProfileArn = pulumi.String("arn:aws:iam::123456789012:instance-profile/nodes")
		}),
		ngC(cl, "keyName zero Output", "StringOutput{}", w("keyName"), func(a *nodegroup.NodeGroupArgs) { a.KeyName = pulumi.StringOutput{} }),
		ngC(cl, "nodeSecurityGroupId zero Output", "StringOutput{}", w("nodeSecurityGroupId"), func(a *nodegroup.NodeGroupArgs) { a.NodeSecurityGroupId = pulumi.StringOutput{} }),
		ngC(cl, "extraNodeSecurityGroupIds[0] nil", "StringArray{nil}", w("extraNodeSecurityGroupIds[0]"), func(a *nodegroup.NodeGroupArgs) { a.ExtraNodeSecurityGroupIds = pulumi.StringArray{nil} }),
		ngC(cl, "extraNodeSecurityGroupIds zero ArrayOutput", "StringArrayOutput{}", w("extraNodeSecurityGroupIds"), func(a *nodegroup.NodeGroupArgs) { a.ExtraNodeSecurityGroupIds = pulumi.StringArrayOutput{} }),
		ngC(cl, "nodeRootVolumeKmsKeyId zero Output", "StringOutput{}", w("nodeRootVolumeKmsKeyId"), func(a *nodegroup.NodeGroupArgs) { a.NodeRootVolumeKmsKeyId = pulumi.StringOutput{} }),
		ngC(cl, "tags[k] nil", `StringMap{"k": nil}`, w(`tags["k"]`), func(a *nodegroup.NodeGroupArgs) { a.Tags = pulumi.StringMap{"k": nil} }),
		ngC(cl, "tags zero MapOutput", "StringMapOutput{}", w("tags"), func(a *nodegroup.NodeGroupArgs) { a.Tags = pulumi.StringMapOutput{} }),
		ngC(cl, "nodeRoleOptions.permissionsBoundary zero Output", "StringOutput{}", w("nodeRoleOptions.permissionsBoundary"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeRoleOptions = &nodegroup.NodeRoleOptions{PermissionsBoundary: pulumi.StringOutput{}}
		}),
		ngC(cl, "nodeRoleOptions.additionalPolicyArns[0] nil", "StringArray{nil}", w("nodeRoleOptions.additionalPolicyArns[0]"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeRoleOptions = &nodegroup.NodeRoleOptions{AdditionalPolicyArns: pulumi.StringArray{nil}}
		}),
		ngC(cl, "sshSourceSecurityGroupIds[0] zero Output", "StringArray{StringOutput{}}", w(NS+"sshSourceSecurityGroupIds[0]"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{SshSourceSecurityGroupIds: pulumi.StringArray{pulumi.StringOutput{}}}
		}),
		ngC(cl, "ingressRules[0] no peer", "tcp 80, no peer", w(ir0), ingress(sgRule("web", "tcp", ip(80), ip(80), ""))),
		ngC(cl, "ingressRules[0].cidrIpv4 zero Output", "StringOutput{}", w(ir0+".cidrIpv4"), func(a *nodegroup.NodeGroupArgs) {
			r := sgRule("web", "tcp", ip(80), ip(80), "")
			r.CidrIpv4 = pulumi.StringOutput{}
			ingress(r)(a)
		}),
		ngC(cl, "ingressRules[0] typed-nil sg only peer", "(*pulumi.String)(nil)", w(ir0), func(a *nodegroup.NodeGroupArgs) {
			r := sgRule("web", "tcp", ip(80), ip(80), "")
			r.SecurityGroupId = (*pulumi.String)(nil)
			ingress(r)(a)
		}),
		ngC(cl, "terminationLifecycleHook.notificationTargetArn zero Output", "StringOutput{}", w("terminationLifecycleHook.notificationTargetArn"), func(a *nodegroup.NodeGroupArgs) {
			a.TerminationLifecycleHook = &nodegroup.TerminationLifecycleHook{NotificationTargetArn: pulumi.StringOutput{}, RoleArn: pulumi.String("arn:aws:iam::123456789012:role/hook")}
		}),
		ngC(cl, "taint effect empty", `taints{"dedicated": {effect:""}}`, w(`taints["dedicated"]`), func(a *nodegroup.NodeGroupArgs) { a.Taints = map[string]nodegroup.Taint{"dedicated": {Value: "x"}} }),
		ngC(cl, "mixed instanceTypes empty", "instanceTypes: []", w("mixedInstancesPolicy.instanceTypes"), func(a *nodegroup.NodeGroupArgs) { a.MixedInstancesPolicy = &nodegroup.MixedInstancesPolicy{} }),
		roleC(cl, "clusterName nil with access entry", "nil", w("clusterName"), func(a *nodegroup.NodeRoleArgs) { a.ClusterName = nil }),
		roleC(cl, "clusterName zero Output", "StringOutput{}", w("clusterName"), func(a *nodegroup.NodeRoleArgs) { a.ClusterName = pulumi.StringOutput{} }),
		roleC(cl, "clusterName empty", `""`, w("clusterName"), func(a *nodegroup.NodeRoleArgs) { a.ClusterName = pulumi.String("") }),
		roleC(cl, "permissionsBoundary zero Output", "StringOutput{}", w("permissionsBoundary"), func(a *nodegroup.NodeRoleArgs) { a.PermissionsBoundary = pulumi.StringOutput{} }),
		roleC(cl, "additionalPolicyArns[0] nil", "StringArray{nil}", w("additionalPolicyArns[0]"), func(a *nodegroup.NodeRoleArgs) { a.AdditionalPolicyArns = pulumi.StringArray{nil} }),
		roleC(cl, "additionalPolicyArns zero ArrayOutput", "StringArrayOutput{}", w("additionalPolicyArns"), func(a *nodegroup.NodeRoleArgs) { a.AdditionalPolicyArns = pulumi.StringArrayOutput{} }),
		roleC(cl, "tags[k] nil", `{"k": nil}`, w(`tags["k"]`), func(a *nodegroup.NodeRoleArgs) { a.Tags = pulumi.StringMap{"k": nil} }),
		sgC(cl, "clusterName nil", "nil", w("clusterName"), func(a *nodegroup.NodeSecurityGroupArgs) { a.ClusterName = nil }),
		sgC(cl, "vpcId nil", "nil", w("vpcId"), func(a *nodegroup.NodeSecurityGroupArgs) { a.VpcId = nil }),
		sgC(cl, "vpcId typed nil", "(*pulumi.String)(nil)", w("vpcId"), func(a *nodegroup.NodeSecurityGroupArgs) { a.VpcId = (*pulumi.String)(nil) }),
		sgC(cl, "clusterSecurityGroupId nil", "nil", w("clusterSecurityGroupId"), func(a *nodegroup.NodeSecurityGroupArgs) { a.ClusterSecurityGroupId = nil }),
		sgC(cl, "clusterSecurityGroupId zero Output", "StringOutput{}", w("clusterSecurityGroupId"), func(a *nodegroup.NodeSecurityGroupArgs) { a.ClusterSecurityGroupId = pulumi.StringOutput{} }),
		sgC(cl, "sshSourceSecurityGroupIds[0] nil", "StringArray{nil}", w("sshSourceSecurityGroupIds[0]"), func(a *nodegroup.NodeSecurityGroupArgs) { a.SshSourceSecurityGroupIds = pulumi.StringArray{nil} }),
		sgC(cl, "tags zero MapOutput", "StringMapOutput{}", w("tags"), func(a *nodegroup.NodeSecurityGroupArgs) { a.Tags = pulumi.StringMapOutput{} }),
	)
	// lenient typed-nil optional
	for _, c := range []rvCase{
		ngC(cl, "amiId typed nil (optional)", "(*pulumi.String)(nil)", w("amiId"), func(a *nodegroup.NodeGroupArgs) { a.AmiId = (*pulumi.String)(nil) }),
		ngC(cl, "keyName typed nil (optional)", "(*pulumi.String)(nil)", w("keyName"), func(a *nodegroup.NodeGroupArgs) { a.KeyName = (*pulumi.String)(nil) }),
		roleC(cl, "permissionsBoundary typed nil (optional)", "(*pulumi.String)(nil)", w("permissionsBoundary"), func(a *nodegroup.NodeRoleArgs) { a.PermissionsBoundary = (*pulumi.String)(nil) }),
		ngC(cl, "tags typed nil map (optional)", "(pulumi.StringMap)(nil)", w("tags"), func(a *nodegroup.NodeGroupArgs) { a.Tags = pulumi.StringMap(nil) }),
	} {
		c.lenient = true
		add(c)
	}

	// ===== CIDRs and wide-open ingress =====
	cl = "cidr/ingress"
	svc := func(name, v string) rvCase {
		return ngC(cl, "serviceCidr "+name, v, w("cluster.serviceCidr"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.ServiceCidr = pulumi.String(v) })
	}
	add(svc("ipv4-mapped", "::ffff:172.20.0.0/112"), svc("non-canonical", "172.20.0.1/16"), svc("ipv6 family", "fd00:10:96::/112"),
		svc("no prefix", "172.20.0.0"), svc("leading zero", "172.020.0.0/16"), svc("too wide /8", "0.0.0.0/0"))
	rule4 := func(name, proto string, from, to *int, v4 string) rvCase {
		return ngC(cl, "ingress "+name, fmt.Sprintf("%s %v-%v from %s", proto, deref(from), deref(to), v4), w(ir0), ingress(sgRule("r", proto, from, to, v4)))
	}
	add(
		ngC(cl, "ingress cidrIpv4 non-canonical", "10.0.0.1/8", w(ir0+".cidrIpv4"), ingress(sgRule("r", "tcp", ip(80), ip(80), "10.0.0.1/8"))),
		ngC(cl, "ingress cidrIpv4 ipv4-mapped", "::ffff:10.0.0.0/104", w(ir0+".cidrIpv4"), ingress(sgRule("r", "tcp", ip(80), ip(80), "::ffff:10.0.0.0/104"))),
		ngC(cl, "ingress cidrIpv4 ipv6 value", "fd00::/8", w(ir0+".cidrIpv4"), ingress(sgRule("r", "tcp", ip(80), ip(80), "fd00::/8"))),
		ngC(cl, "ingress cidrIpv4 octet 300", "300.0.0.0/8", w(ir0+".cidrIpv4"), ingress(sgRule("r", "tcp", ip(80), ip(80), "300.0.0.0/8"))),
		ngC(cl, "ingress cidrIpv6 ipv4 value", "10.0.0.0/8", w(ir0+".cidrIpv6"), func(a *nodegroup.NodeGroupArgs) {
			r := sgRule("r", "tcp", ip(80), ip(80), "")
			r.CidrIpv6 = pulumi.String("10.0.0.0/8")
			ingress(r)(a)
		}),
		ngC(cl, "ingress cidrIpv6 ipv4-mapped", "::ffff:10.0.0.0/104", w(ir0+".cidrIpv6"), func(a *nodegroup.NodeGroupArgs) {
			r := sgRule("r", "tcp", ip(80), ip(80), "")
			r.CidrIpv6 = pulumi.String("::ffff:10.0.0.0/104")
			ingress(r)(a)
		}),
		ngC(cl, "ingress cidrIpv6 non-canonical", "2001:db8::1/32", w(ir0+".cidrIpv6"), func(a *nodegroup.NodeGroupArgs) {
			r := sgRule("r", "tcp", ip(80), ip(80), "")
			r.CidrIpv6 = pulumi.String("2001:db8::1/32")
			ingress(r)(a)
		}),
		rule4("SSH world", "tcp", ip(22), ip(22), "0.0.0.0/0"),
		rule4("RDP world", "tcp", ip(3389), ip(3389), "0.0.0.0/0"),
		rule4("proto all world", "all", nil, nil, "0.0.0.0/0"),
		rule4("proto -1 world", "-1", nil, nil, "0.0.0.0/0"),
		rule4("proto 6 port 22 world", "6", ip(22), ip(22), "0.0.0.0/0"),
		rule4("TCP uppercase 22 world", "TCP", ip(22), ip(22), "0.0.0.0/0"),
		rule4("tcp 0-65535 world", "tcp", ip(0), ip(65535), "0.0.0.0/0"),
		rule4("tcp 3380-3390 world", "tcp", ip(3380), ip(3390), "0.0.0.0/0"),
		rule4("SSH 0.0.0.0/1", "tcp", ip(22), ip(22), "0.0.0.0/1"),
		rule4("SSH 128.0.0.0/1", "tcp", ip(22), ip(22), "128.0.0.0/1"),
		ngC(cl, "ingress SSH ::/0", "tcp 22 cidrIpv6 ::/0", w(ir0), func(a *nodegroup.NodeGroupArgs) {
			r := sgRule("r", "tcp", ip(22), ip(22), "")
			r.CidrIpv6 = pulumi.String("::/0")
			ingress(r)(a)
		}),
		ngC(cl, "ingress -1 ::/0", "-1 cidrIpv6 ::/0", w(ir0), func(a *nodegroup.NodeGroupArgs) {
			r := sgRule("r", "-1", nil, nil, "")
			r.CidrIpv6 = pulumi.String("::/0")
			ingress(r)(a)
		}),
		ngC(cl, "ingress two peers", "cidrIpv4+securityGroupId", w(ir0), func(a *nodegroup.NodeGroupArgs) {
			r := sgRule("r", "tcp", ip(80), ip(80), "10.0.0.0/8")
			r.SecurityGroupId = pulumi.String("sg-0123456789abcdef0")
			ingress(r)(a)
		}),
		ngC(cl, "ingress duplicate description", "two rules 'r'", w(NS+"ingressRules[1]"), ingress(sgRule("r", "tcp", ip(80), ip(80), "10.0.0.0/8"), sgRule("r", "tcp", ip(81), ip(81), "10.0.0.0/8"))),
		ngC(cl, "ingress description bad char", "<script>", w(ir0+".description"), ingress(sgRule("<script>", "tcp", ip(80), ip(80), "10.0.0.0/8"))),
		ngC(cl, "ingress description empty", `""`, w(ir0+".description"), ingress(sgRule("", "tcp", ip(80), ip(80), "10.0.0.0/8"))),
		ngC(cl, "ingress description 256 chars", "256 x a", w(ir0+".description"), ingress(sgRule(long(256), "tcp", ip(80), ip(80), "10.0.0.0/8"))),
		ngC(cl, "ingress udp no fromPort", "udp", w(ir0), ingress(sgRule("r", "udp", nil, nil, "10.0.0.0/8"))),
		ngC(cl, "ingress fromPort 70000", "tcp 70000", w(ir0), ingress(sgRule("r", "tcp", ip(70000), ip(70000), "10.0.0.0/8"))),
		ngC(cl, "ingress toPort<fromPort", "tcp 90-80", w(ir0), ingress(sgRule("r", "tcp", ip(90), ip(80), "10.0.0.0/8"))),
		ngC(cl, "ingress protocol gre", "gre", w(ir0), ingress(sgRule("r", "gre", nil, nil, "10.0.0.0/8"))),
		ngC(cl, "ingress -1 with fromPort", "-1 fromPort 80", w(ir0), ingress(sgRule("r", "-1", ip(80), ip(80), "10.0.0.0/8"))),
		ngC(cl, "egress bad prefixListId", "pl-xyz!", w(NS+"egressRules[0]"), func(a *nodegroup.NodeGroupArgs) {
			r := sgRule("r", "tcp", ip(443), ip(443), "")
			r.PrefixListId = pulumi.String("pl-xyz!")
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{EgressRules: []nodegroup.SecurityGroupRule{r}}
		}),
		ngC(cl, "sshSourceCidrs 0.0.0.0/0", "", w(NS+"sshSourceCidrs[0]"), func(a *nodegroup.NodeGroupArgs) {
			a.KeyName = pulumi.String("kp")
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{SshSourceCidrs: []string{"0.0.0.0/0"}}
		}),
		ngC(cl, "sshSourceCidrs 0.0.0.0/1", "", w(NS+"sshSourceCidrs[0]"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{SshSourceCidrs: []string{"0.0.0.0/1"}}
		}),
		ngC(cl, "sshSourceCidrs non-canonical", "10.0.0.1/8", w(NS+"sshSourceCidrs[0]"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{SshSourceCidrs: []string{"10.0.0.1/8"}}
		}),
		ngC(cl, "sshSourceCidrs ipv6", "::/0 (IPv4 only)", w(NS+"sshSourceCidrs[0]"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{SshSourceCidrs: []string{"::/0"}}
		}),
		ngC(cl, "sshSourceCidrs ipv4-mapped", "::ffff:10.0.0.0/104", w(NS+"sshSourceCidrs[0]"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{SshSourceCidrs: []string{"::ffff:10.0.0.0/104"}}
		}),
		ngC(cl, "extraClusterIngressPorts 443 dup of profile", "[443]", w(NS+"extraClusterIngressPorts[0]"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{ExtraClusterIngressPorts: []int{443}, ClusterSecurityGroupTraffic: nodegroup.Ref(nodegroup.ClusterTrafficMinimal)}
		}),
		ngC(cl, "extraClusterIngressPorts 0", "[0]", w(NS+"extraClusterIngressPorts[0]"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{RulesProfile: rp(nodegroup.RulesStrict), ExtraClusterIngressPorts: []int{0}}
		}),
		ngC(cl, "nodeSecurityGroupId + options", "conflict", w("nodeSecurityGroupId", "nodeSecurityGroupOptions"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeSecurityGroupId = pulumi.String("sg-0123456789abcdef1")
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{RulesProfile: rp(nodegroup.RulesStrict)}
		}),
		ngC(cl, "rulesProfile unknown", "open", w(NS+"rulesProfile"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{RulesProfile: rp("open")}
		}),
		sgC(cl, "SG ingress SSH world", "tcp 22 0.0.0.0/0", w("ingressRules[0]"), func(a *nodegroup.NodeSecurityGroupArgs) {
			a.IngressRules = []nodegroup.SecurityGroupRule{sgRule("ssh", "tcp", ip(22), nil, "0.0.0.0/0")}
		}),
		sgC(cl, "SG ingress all -1 world", "-1 0.0.0.0/0", w("ingressRules[0]"), func(a *nodegroup.NodeSecurityGroupArgs) {
			a.IngressRules = []nodegroup.SecurityGroupRule{sgRule("all", "-1", nil, nil, "0.0.0.0/0")}
		}),
		sgC(cl, "SG ingress udp 0-65535 ::/0", "udp all ports ::/0", w("ingressRules[0]"), func(a *nodegroup.NodeSecurityGroupArgs) {
			r := sgRule("u", "udp", ip(0), ip(65535), "")
			r.CidrIpv6 = pulumi.String("::/0")
			a.IngressRules = []nodegroup.SecurityGroupRule{r}
		}),
		sgC(cl, "SG egress octet 300", "300.0.0.0/8", w("egressRules[0].cidrIpv4"), func(a *nodegroup.NodeSecurityGroupArgs) {
			a.EgressRules = []nodegroup.SecurityGroupRule{sgRule("e", "tcp", ip(443), nil, "300.0.0.0/8")}
		}),
		sgC(cl, "SG sshSourceCidrs world", "0.0.0.0/0", w("sshSourceCidrs[0]"), func(a *nodegroup.NodeSecurityGroupArgs) { a.SshSourceCidrs = []string{"0.0.0.0/0"} }),
		sgC(cl, "SG sshSourceCidrs[1] garbage", "{10.0.0.0/8, bad}", w("sshSourceCidrs[1]"), func(a *nodegroup.NodeSecurityGroupArgs) { a.SshSourceCidrs = []string{"10.0.0.0/8", "bad"} }),
		sgC(cl, "SG extraClusterIngressPorts 65536", "", w("extraClusterIngressPorts[0]"), func(a *nodegroup.NodeSecurityGroupArgs) { a.ExtraClusterIngressPorts = []int{65536} }),
		sgC(cl, "SG rulesProfile unknown", "x", w("rulesProfile"), func(a *nodegroup.NodeSecurityGroupArgs) { a.RulesProfile = rp("x") }),
		sgC(cl, "SG vpcId wrong kind", "subnet-...", w("vpcId"), func(a *nodegroup.NodeSecurityGroupArgs) { a.VpcId = pulumi.String("subnet-0123456789abcdef0") }),
		sgC(cl, "SG clusterSecurityGroupId malformed", "sg-xyz", w("clusterSecurityGroupId"), func(a *nodegroup.NodeSecurityGroupArgs) { a.ClusterSecurityGroupId = pulumi.String("sg-xyz") }),
	)

	// ===== ARNs =====
	cl = "arn"
	ipa := func(name, v string, want ...string) rvCase {
		return ngC(cl, "instanceProfileArn "+name, v, want, func(a *nodegroup.NodeGroupArgs) {
			a.InstanceProfileArn = pulumi.String(v)
			a.RoleArn = pulumi.String("arn:aws:iam::123456789012:role/nodes")
		})
	}
	add(
		ipa("is a role", "arn:aws:iam::123456789012:role/nodes", "instanceProfileArn"),
		ipa("11-digit account", "arn:aws:iam::12345678901:instance-profile/nodes", "instanceProfileArn"),
		ipa("wrong service", "arn:aws:ec2::123456789012:instance-profile/nodes", "instanceProfileArn"),
		ipa("region set", "arn:aws:iam:us-east-1:123456789012:instance-profile/nodes", "instanceProfileArn"),
		ngC(cl, "roleArn is instance-profile", "arn:aws:iam::123456789012:instance-profile/x", w("roleArn"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceProfileArn = pulumi.String("arn:aws:iam::123456789012:instance-profile/nodes")
			a.RoleArn = pulumi.String("arn:aws:iam::123456789012:instance-profile/nodes")
		}),
		ngC(cl, "instanceProfileArn + nodeRoleOptions", "conflict", w("instanceProfileArn", "nodeRoleOptions"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceProfileArn = pulumi.String("arn:aws:iam::123456789012:instance-profile/nodes")
			a.RoleArn = pulumi.String("arn:aws:iam::123456789012:role/nodes")
			a.NodeRoleOptions = &nodegroup.NodeRoleOptions{EnableSsmAccess: true}
		}),
		ngC(cl, "kms key is s3 arn", "arn:aws:s3:::bucket", w("nodeRootVolumeKmsKeyId"), func(a *nodegroup.NodeGroupArgs) { a.NodeRootVolumeKmsKeyId = pulumi.String("arn:aws:s3:::bucket") }),
		ngC(cl, "kms key empty id", "arn:aws:kms:us-west-2:123456789012:key/", w("nodeRootVolumeKmsKeyId"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeRootVolumeKmsKeyId = pulumi.String("arn:aws:kms:us-west-2:123456789012:key/")
		}),
		ngC(cl, "permissionsBoundary is role", "role arn", w("nodeRoleOptions.permissionsBoundary"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeRoleOptions = &nodegroup.NodeRoleOptions{PermissionsBoundary: pulumi.String("arn:aws:iam::123456789012:role/x")}
		}),
		ngC(cl, "additionalPolicyArns bare name", "AmazonS3ReadOnlyAccess", w("nodeRoleOptions.additionalPolicyArns[0]"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeRoleOptions = &nodegroup.NodeRoleOptions{AdditionalPolicyArns: pulumi.StringArray{pulumi.String("AmazonS3ReadOnlyAccess")}}
		}),
		ngC(cl, "additionalPolicyArns[1] s3 arn", "{ok, arn:aws:s3:::x}", w("nodeRoleOptions.additionalPolicyArns[1]"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeRoleOptions = &nodegroup.NodeRoleOptions{AdditionalPolicyArns: pulumi.StringArray{pulumi.String("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"), pulumi.String("arn:aws:s3:::x")}}
		}),
		ngC(cl, "hook target lambda", "lambda function arn", w("terminationLifecycleHook.notificationTargetArn"), func(a *nodegroup.NodeGroupArgs) {
			a.TerminationLifecycleHook = &nodegroup.TerminationLifecycleHook{NotificationTargetArn: pulumi.String("arn:aws:lambda:us-west-2:123456789012:function:f"), RoleArn: pulumi.String("arn:aws:iam::123456789012:role/hook")}
		}),
		ngC(cl, "hook target without roleArn", "sqs arn only", w("terminationLifecycleHook.roleArn", "terminationLifecycleHook.notificationTargetArn"), func(a *nodegroup.NodeGroupArgs) {
			a.TerminationLifecycleHook = &nodegroup.TerminationLifecycleHook{NotificationTargetArn: pulumi.String("arn:aws:sqs:us-west-2:123456789012:q")}
		}),
		ngC(cl, "hook roleArn is policy", "policy arn", w("terminationLifecycleHook.roleArn"), func(a *nodegroup.NodeGroupArgs) {
			a.TerminationLifecycleHook = &nodegroup.TerminationLifecycleHook{NotificationTargetArn: pulumi.String("arn:aws:sqs:us-west-2:123456789012:q"), RoleArn: pulumi.String("arn:aws:iam::123456789012:policy/x")}
		}),
		ngC(cl, "hook roleArn without target", "role only", w("terminationLifecycleHook.roleArn"), func(a *nodegroup.NodeGroupArgs) {
			a.TerminationLifecycleHook = &nodegroup.TerminationLifecycleHook{RoleArn: pulumi.String("arn:aws:iam::123456789012:role/hook")}
		}),
		roleC(cl, "permissionsBoundary garbage", "bad", w("permissionsBoundary"), func(a *nodegroup.NodeRoleArgs) { a.PermissionsBoundary = pulumi.String("bad") }),
		roleC(cl, "additionalPolicyArns empty name", "arn:aws:iam::aws:policy/", w("additionalPolicyArns[0]"), func(a *nodegroup.NodeRoleArgs) {
			a.AdditionalPolicyArns = pulumi.StringArray{pulumi.String("arn:aws:iam::aws:policy/")}
		}),
		roleC(cl, "additionalPolicyArns sns", "sns arn", w("additionalPolicyArns[0]"), func(a *nodegroup.NodeRoleArgs) {
			a.AdditionalPolicyArns = pulumi.StringArray{pulumi.String("arn:aws:sns:us-west-2:123456789012:t")}
		}),
	)

	// ===== IAM paths and tags =====
	cl = "iam-path/tags"
	add(
		ngC(cl, "role path no slashes", "eks", w("nodeRoleOptions.path"), func(a *nodegroup.NodeGroupArgs) { a.NodeRoleOptions = &nodegroup.NodeRoleOptions{Path: "eks"} }),
		ngC(cl, "role path no trailing", "/eks", w("nodeRoleOptions.path"), func(a *nodegroup.NodeGroupArgs) { a.NodeRoleOptions = &nodegroup.NodeRoleOptions{Path: "/eks"} }),
		ngC(cl, "role path space", "/a b/", w("nodeRoleOptions.path"), func(a *nodegroup.NodeGroupArgs) { a.NodeRoleOptions = &nodegroup.NodeRoleOptions{Path: "/a b/"} }),
		roleC(cl, "role path 513 chars", "/aaa.../", w("path"), func(a *nodegroup.NodeRoleArgs) { a.Path = "/" + long(511) + "/" }),
		roleC(cl, "role path non-ascii", "/é/", w("path"), func(a *nodegroup.NodeRoleArgs) { a.Path = "/é/" }),
		ngC(cl, "tag kubernetes.io/cluster", "", w(`tags["kubernetes.io/cluster/demo"]`), func(a *nodegroup.NodeGroupArgs) {
			a.Tags = pulumi.StringMap{"kubernetes.io/cluster/demo": pulumi.String("owned")}
		}),
		ngC(cl, "tag cluster-autoscaler", "", w(`tags["k8s.io/cluster-autoscaler/enabled"]`), func(a *nodegroup.NodeGroupArgs) {
			a.Tags = pulumi.StringMap{"k8s.io/cluster-autoscaler/enabled": pulumi.String("true")}
		}),
		ngC(cl, "tag aws: prefix", "aws:foo", w(`tags["aws:foo"]`), func(a *nodegroup.NodeGroupArgs) { a.Tags = pulumi.StringMap{"aws:foo": pulumi.String("x")} }),
		ngC(cl, "tag AWS: prefix upper", "AWS:foo", w(`tags["AWS:foo"]`), func(a *nodegroup.NodeGroupArgs) { a.Tags = pulumi.StringMap{"AWS:foo": pulumi.String("x")} }),
		ngC(cl, "tag key 129 chars", "", w(`tags["`), func(a *nodegroup.NodeGroupArgs) { a.Tags = pulumi.StringMap{long(129): pulumi.String("x")} }),
		ngC(cl, "tag value 257 chars", "", w(`tags["k"]`), func(a *nodegroup.NodeGroupArgs) { a.Tags = pulumi.StringMap{"k": pulumi.String(long(257))} }),
		ngC(cl, "tag key empty", `""`, w(`tags[""]`), func(a *nodegroup.NodeGroupArgs) { a.Tags = pulumi.StringMap{"": pulumi.String("x")} }),
		ngC(cl, "tag key bad char", "a<b", w(`tags["a<b"]`), func(a *nodegroup.NodeGroupArgs) { a.Tags = pulumi.StringMap{"a<b": pulumi.String("x")} }),
		roleC(cl, "role tag aws:", "aws:x", w(`tags["aws:x"]`), func(a *nodegroup.NodeRoleArgs) { a.Tags = pulumi.StringMap{"aws:x": pulumi.String("y")} }),
		roleC(cl, "role clusterName bad chars", "my cluster!", w("clusterName"), func(a *nodegroup.NodeRoleArgs) { a.ClusterName = pulumi.String("my cluster!") }),
		roleC(cl, "role accessEntryType unknown", "EC2", w("accessEntryType"), func(a *nodegroup.NodeRoleArgs) { t := nodegroup.AccessEntryType("EC2"); a.AccessEntryType = &t }),
		sgC(cl, "SG tag kubernetes.io/cluster", "", w(`tags["kubernetes.io/cluster/demo"]`), func(a *nodegroup.NodeSecurityGroupArgs) {
			a.Tags = pulumi.StringMap{"kubernetes.io/cluster/demo": pulumi.String("owned")}
		}),
	)

	// ===== Kubernetes version, labels, taints =====
	cl = "k8s"
	ver := func(v string) rvCase {
		return ngC(cl, "version "+v, v, w("cluster.version"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.Version = pulumi.String(v) })
	}
	lab := func(name, k, v, want string) rvCase {
		return ngC(cl, "label "+name, fmt.Sprintf("%q=%q", k, v), w(want), func(a *nodegroup.NodeGroupArgs) { a.Labels = map[string]string{k: v} })
	}
	add(ver("1.33.1"), ver("v1.33"), ver("1.x"), ver("1.033"), ver(""), ver("2.0"),
		ngC(cl, "AL2 on 1.33", "operatingSystem AL2, version 1.33", w("operatingSystem", "cluster.version"), func(a *nodegroup.NodeGroupArgs) { a.OperatingSystem = os(nodegroup.AL2) }),
		lab("node-role.kubernetes.io", "node-role.kubernetes.io/worker", "", `labels["node-role.kubernetes.io/worker"]`),
		lab("k8s.io prefix", "k8s.io/foo", "x", `labels["k8s.io/foo"]`),
		lab("sub.kubernetes.io", "foo.kubernetes.io/bar", "x", `labels["foo.kubernetes.io/bar"]`),
		lab("value 64", "k", long(64), `labels["k"]`),
		lab("key leading dash", "-bad", "x", `labels["-bad"]`),
		lab("value space", "k", "a b", `labels["k"]`),
		lab("key two slashes", "a/b/c", "x", `labels["a/b/c"]`),
		lab("prefix uppercase", "Example.com/x", "y", `labels["Example.com/x"]`),
		lab("name 64", long(64), "x", `labels["`),
		lab("value trailing dash", "k", "abc-", `labels["k"]`),
		ngC(cl, "taint key space", `"bad key"`, w(`taints["bad key"]`), func(a *nodegroup.NodeGroupArgs) {
			a.Taints = map[string]nodegroup.Taint{"bad key": {Effect: nodegroup.NoSchedule}}
		}),
		ngC(cl, "taint effect unknown", "NoScheduleX", w(`taints["dedicated"]`), func(a *nodegroup.NodeGroupArgs) {
			a.Taints = map[string]nodegroup.Taint{"dedicated": {Effect: "NoScheduleX"}}
		}),
		ngC(cl, "taint effect lowercase", "noschedule", w(`taints["dedicated"]`), func(a *nodegroup.NodeGroupArgs) {
			a.Taints = map[string]nodegroup.Taint{"dedicated": {Effect: "noschedule"}}
		}),
		ngC(cl, "taint value 64", "", w(`taints["dedicated"]`), func(a *nodegroup.NodeGroupArgs) {
			a.Taints = map[string]nodegroup.Taint{"dedicated": {Value: long(64), Effect: nodegroup.NoSchedule}}
		}),
		ngC(cl, "labels + userDataOverride", "conflict", w("labels", "userDataOverride"), func(a *nodegroup.NodeGroupArgs) {
			a.Labels = map[string]string{"a": "b"}
			a.UserDataOverride = "#!/bin/bash\necho hi\n"
		}),
		ngC(cl, "taints + userDataOverride", "conflict", w("taints", "userDataOverride"), func(a *nodegroup.NodeGroupArgs) {
			a.Taints = map[string]nodegroup.Taint{"a": {Effect: nodegroup.NoSchedule}}
			a.UserDataOverride = "#!/bin/bash\necho hi\n"
		}),
	)

	// ===== kubelet flags =====
	cl = "kubelet"
	kf := func(v string) rvCase {
		return ngC(cl, "kubeletExtraArgs "+v, v, w("kubeletExtraArgs"), func(a *nodegroup.NodeGroupArgs) { a.KubeletExtraArgs = v })
	}
	add(kf("--node-labels=a=b"), kf("--node_labels=a=b"), kf("--register_with_taints=a=b:NoSchedule"), kf("--register-with-taints a=b:NoSchedule"),
		kf("--NODE-LABELS=a=b"), kf("--Register-With-Taints=a=b:NoSchedule"), kf("max-pods=58"), kf("--max-pods=58 -v=2"), kf("--v=2 --node-labels=x=y"),
		ngC(cl, "kubeletExtraArgs on Bottlerocket", "--max-pods=58", w("kubeletExtraArgs"), func(a *nodegroup.NodeGroupArgs) {
			a.OperatingSystem = os(nodegroup.Bottlerocket)
			a.KubeletExtraArgs = "--max-pods=58"
		}),
		ngC(cl, "kubeletConfig on Bottlerocket", "{maxPods:58}", w("kubeletConfig"), func(a *nodegroup.NodeGroupArgs) {
			a.OperatingSystem = os(nodegroup.Bottlerocket)
			a.KubeletConfig = map[string]any{"maxPods": 58}
		}),
		ngC(cl, "kubeletConfig + userDataOverride", "conflict", w("kubeletConfig", "userDataOverride"), func(a *nodegroup.NodeGroupArgs) {
			a.KubeletConfig = map[string]any{"maxPods": 58}
			a.UserDataOverride = "#!/bin/bash\n"
		}),
	)

	// ===== sizes =====
	cl = "sizes"
	add(
		ngC(cl, "minSize -1", "", w("minSize"), func(a *nodegroup.NodeGroupArgs) { a.MinSize = ip(-1) }),
		ngC(cl, "maxSize 0 min 1", "", w("maxSize", "minSize"), func(a *nodegroup.NodeGroupArgs) { a.MaxSize = ip(0); a.MinSize = ip(1) }),
		ngC(cl, "maxSize 2^31", "2147483648", w("maxSize"), func(a *nodegroup.NodeGroupArgs) { a.MaxSize = ip(1 << 31) }),
		ngC(cl, "maxSize -5", "", w("maxSize"), func(a *nodegroup.NodeGroupArgs) { a.MaxSize = ip(-5) }),
		ngC(cl, "desired > max", "desired 5 max 3", w("desiredCapacity"), func(a *nodegroup.NodeGroupArgs) { a.DesiredCapacity = ip(5); a.MaxSize = ip(3) }),
		ngC(cl, "min > max", "min 3 max 2", w("minSize", "maxSize"), func(a *nodegroup.NodeGroupArgs) { a.MinSize = ip(3); a.MaxSize = ip(2) }),
		ngC(cl, "desired -1", "", w("desiredCapacity"), func(a *nodegroup.NodeGroupArgs) { a.DesiredCapacity = ip(-1) }),
		ngC(cl, "desired < min", "min 3 desired 1 max 5", w("desiredCapacity"), func(a *nodegroup.NodeGroupArgs) { a.MinSize = ip(3); a.DesiredCapacity = ip(1); a.MaxSize = ip(5) }),
		ngC(cl, "rootVolumeSize 0", "", w("nodeRootVolumeSize"), func(a *nodegroup.NodeGroupArgs) { a.NodeRootVolumeSize = ip(0) }),
		ngC(cl, "rootVolumeSize 70000 gp3", "> 16384 GiB", w("nodeRootVolumeSize"), func(a *nodegroup.NodeGroupArgs) { a.NodeRootVolumeSize = ip(70000) }),
		ngC(cl, "healthCheckGracePeriod -1", "", w("healthCheckGracePeriod"), func(a *nodegroup.NodeGroupArgs) { a.HealthCheckGracePeriod = ip(-1) }),
		ngC(cl, "hop limit 0", "", w("metadataOptions.httpPutResponseHopLimit"), func(a *nodegroup.NodeGroupArgs) {
			a.MetadataOptions = &nodegroup.MetadataOptions{HttpPutResponseHopLimit: ip(0)}
		}),
		ngC(cl, "hop limit 65", "", w("metadataOptions.httpPutResponseHopLimit"), func(a *nodegroup.NodeGroupArgs) {
			a.MetadataOptions = &nodegroup.MetadataOptions{HttpPutResponseHopLimit: ip(65)}
		}),
		ngC(cl, "httpTokens unknown", "maybe", w("metadataOptions.httpTokens"), func(a *nodegroup.NodeGroupArgs) {
			t := nodegroup.HttpTokens("maybe")
			a.MetadataOptions = &nodegroup.MetadataOptions{HttpTokens: &t}
		}),
		ngC(cl, "refresh minHealthy 101", "", w("instanceRefresh.minHealthyPercentage"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceRefresh = &nodegroup.InstanceRefresh{MinHealthyPercentage: ip(101)}
		}),
		ngC(cl, "refresh maxHealthy 250", "", w("instanceRefresh.maxHealthyPercentage"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceRefresh = &nodegroup.InstanceRefresh{MaxHealthyPercentage: ip(250)}
		}),
		ngC(cl, "refresh max-min > 100", "min 0 max 150", w("instanceRefresh.maxHealthyPercentage", "instanceRefresh.minHealthyPercentage"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceRefresh = &nodegroup.InstanceRefresh{MinHealthyPercentage: ip(0), MaxHealthyPercentage: ip(150)}
		}),
		ngC(cl, "refresh checkpoints not increasing", "[50,30,100]", w("instanceRefresh.checkpointPercentages"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceRefresh = &nodegroup.InstanceRefresh{CheckpointPercentages: []int{50, 30, 100}}
		}),
		ngC(cl, "refresh checkpoints not ending 100", "[20,50]", w("instanceRefresh.checkpointPercentages"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceRefresh = &nodegroup.InstanceRefresh{CheckpointPercentages: []int{20, 50}}
		}),
		ngC(cl, "refresh checkpointDelay alone", "600", w("instanceRefresh.checkpointDelay"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceRefresh = &nodegroup.InstanceRefresh{CheckpointDelay: ip(600)}
		}),
		ngC(cl, "refresh scaleIn lowercase", "refresh", w("instanceRefresh.scaleInProtectedInstances"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceRefresh = &nodegroup.InstanceRefresh{ScaleInProtectedInstances: "refresh"}
		}),
		ngC(cl, "refresh standby bogus", "Delete", w("instanceRefresh.standbyInstances"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceRefresh = &nodegroup.InstanceRefresh{StandbyInstances: "Delete"}
		}),
		ngC(cl, "hook heartbeat 10", "", w("terminationLifecycleHook.heartbeatTimeout"), func(a *nodegroup.NodeGroupArgs) {
			a.TerminationLifecycleHook = &nodegroup.TerminationLifecycleHook{HeartbeatTimeout: ip(10)}
		}),
		ngC(cl, "hook defaultResult lowercase", "continue", w("terminationLifecycleHook.defaultResult"), func(a *nodegroup.NodeGroupArgs) {
			a.TerminationLifecycleHook = &nodegroup.TerminationLifecycleHook{DefaultResult: "continue"}
		}),
	)

	// ===== EBS =====
	cl = "ebs"
	ebs := func(name, desc string, want []string, typ string, size, iops, thr *int) rvCase {
		return ngC(cl, name, desc, want, func(a *nodegroup.NodeGroupArgs) {
			a.NodeRootVolumeType = typ
			a.NodeRootVolumeSize = size
			a.NodeRootVolumeIops = iops
			a.NodeRootVolumeThroughput = thr
		})
	}
	add(
		ebs("gp3 iops 2999", "", w("nodeRootVolumeIops"), "gp3", ip(100), ip(2999), nil),
		ebs("gp3 iops 80001", "", w("nodeRootVolumeIops"), "gp3", ip(1000), ip(80001), nil),
		ebs("gp3 iops 16000 on 20GiB", "500 IOPS/GiB max", w("nodeRootVolumeIops"), "gp3", ip(20), ip(16000), nil),
		ebs("gp3 throughput 2001", "", w("nodeRootVolumeThroughput"), "gp3", ip(1000), ip(16000), ip(2001)),
		ebs("gp3 throughput 1000 @3000 iops", "0.25 MiB/s per IOPS", w("nodeRootVolumeThroughput", "nodeRootVolumeIops"), "gp3", ip(100), ip(3000), ip(1000)),
		ebs("gp3 throughput 124", "", w("nodeRootVolumeThroughput"), "gp3", nil, nil, ip(124)),
		ebs("io1 no iops", "", w("nodeRootVolumeIops"), "io1", ip(100), nil, nil),
		ebs("io1 64000 on 20GiB", "50:1", w("nodeRootVolumeIops"), "io1", ip(20), ip(64000), nil),
		ebs("io2 30000 on 20GiB", "1000:1", w("nodeRootVolumeIops"), "io2", ip(20), ip(30000), nil),
		ebs("io2 iops 99", "", w("nodeRootVolumeIops"), "io2", ip(100), ip(99), nil),
		ebs("gp2 with iops", "", w("nodeRootVolumeIops"), "gp2", ip(100), ip(3000), nil),
		ebs("io1 with throughput", "", w("nodeRootVolumeThroughput"), "io1", ip(100), ip(3000), ip(500)),
		ebs("type st1", "HDD boot", w("nodeRootVolumeType"), "st1", ip(500), nil, nil),
		ebs("type GP3 upper", "", w("nodeRootVolumeType"), "GP3", nil, nil, nil),
		ebs("type sc1", "", w("nodeRootVolumeType"), "sc1", ip(500), nil, nil),
		ngC(cl, "kms with encrypted false", "", w("nodeRootVolumeKmsKeyId", "nodeRootVolumeEncrypted"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeRootVolumeEncrypted = bp(false)
			a.NodeRootVolumeKmsKeyId = pulumi.String("arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
		}),
	)

	// ===== instance types / AMI =====
	cl = "instance/ami"
	it := func(v string, want ...string) rvCase {
		if len(want) == 0 {
			want = []string{"instanceType"}
		}
		return ngC(cl, "instanceType "+v, v, want, func(a *nodegroup.NodeGroupArgs) { a.InstanceType = v })
	}
	add(it("mac2.metal"), it("mac1.metal"), it("mac2-m2pro.metal"), it("m5"), it("M5.large"), it("zz9.large"), it("m5..large"), it(".large"), it("m5.large "), it("m5.huge"),
		ngC(cl, "windows on graviton", "Windows2022Core m7g.large", w("instanceType", "operatingSystem"), func(a *nodegroup.NodeGroupArgs) {
			a.OperatingSystem = os(nodegroup.Windows2022Core)
			a.InstanceType = "m7g.large"
		}),
		ngC(cl, "operatingSystem unknown", "Ubuntu", w("operatingSystem"), func(a *nodegroup.NodeGroupArgs) { a.OperatingSystem = os("Ubuntu") }),
		ngC(cl, "architecture unknown", "amd64", w("architecture"), func(a *nodegroup.NodeGroupArgs) { a.Architecture = arch("amd64") }),
		ngC(cl, "amiId without architecture", "", w("architecture", "amiId"), func(a *nodegroup.NodeGroupArgs) { a.AmiId = pulumi.String("ami-0123456789abcdef0") }),
		ngC(cl, "amiId malformed", "ami-xyz", w("amiId"), func(a *nodegroup.NodeGroupArgs) {
			a.AmiId = pulumi.String("ami-xyz")
			a.Architecture = arch(nodegroup.X86_64)
		}),
		ngC(cl, "architecture mismatches type", "arm64 + m7i.large", w("architecture", "instanceType"), func(a *nodegroup.NodeGroupArgs) {
			a.AmiId = pulumi.String("ami-0123456789abcdef0")
			a.Architecture = arch(nodegroup.ARM64)
			a.InstanceType = "m7i.large"
		}),
		ngC(cl, "neuron on arm64", "neuron + m7g.large", w("amiVariant", "instanceType"), func(a *nodegroup.NodeGroupArgs) {
			v := nodegroup.VariantNeuron
			a.AmiVariant = &v
			a.InstanceType = "m7g.large"
		}),
		ngC(cl, "fips on AL2023", "fips", w("amiVariant"), func(a *nodegroup.NodeGroupArgs) { v := nodegroup.VariantFips; a.AmiVariant = &v }),
		ngC(cl, "variant unknown", "cuda", w("amiVariant"), func(a *nodegroup.NodeGroupArgs) { v := nodegroup.AMIVariant("cuda"); a.AmiVariant = &v }),
		ngC(cl, "amiId + amiVariant", "conflict", w("amiVariant", "amiId"), func(a *nodegroup.NodeGroupArgs) {
			v := nodegroup.VariantNvidia
			a.AmiVariant = &v
			a.AmiId = pulumi.String("ami-0123456789abcdef0")
			a.Architecture = arch(nodegroup.X86_64)
		}),
		ngC(cl, "amiReleaseVersion garbage", "latest", w("amiReleaseVersion"), func(a *nodegroup.NodeGroupArgs) { a.AmiReleaseVersion = "latest" }),
		ngC(cl, "amiReleaseVersion on Windows", "v20250704", w("amiReleaseVersion"), func(a *nodegroup.NodeGroupArgs) {
			a.OperatingSystem = os(nodegroup.Windows2022Core)
			a.InstanceType = "m7i.large"
			a.AmiReleaseVersion = "v20250704"
		}),
		ngC(cl, "instanceType + mixed", "conflict", w("instanceType", "mixedInstancesPolicy"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceType = "m7i.large"
			a.MixedInstancesPolicy = &nodegroup.MixedInstancesPolicy{InstanceTypes: []nodegroup.InstanceTypeOverride{{InstanceType: "m6i.large"}}}
		}),
	)
	mip := func(name, desc string, want []string, mod func(m *nodegroup.MixedInstancesPolicy)) rvCase {
		return ngC(cl, "mixed "+name, desc, want, func(a *nodegroup.NodeGroupArgs) {
			m := &nodegroup.MixedInstancesPolicy{InstanceTypes: []nodegroup.InstanceTypeOverride{{InstanceType: "m7i.large"}, {InstanceType: "m6i.large"}}}
			mod(m)
			a.MixedInstancesPolicy = m
		})
	}
	const mp = "mixedInstancesPolicy."
	add(
		mip("empty type", `[""]`, w(mp+"instanceTypes[0]"), func(m *nodegroup.MixedInstancesPolicy) { m.InstanceTypes[0].InstanceType = "" }),
		mip("mac type", "mac2.metal", w(mp+"instanceTypes[1]"), func(m *nodegroup.MixedInstancesPolicy) { m.InstanceTypes[1].InstanceType = "mac2.metal" }),
		mip("mixed arch", "m7i + m7g", w(mp+"instanceTypes"), func(m *nodegroup.MixedInstancesPolicy) { m.InstanceTypes[1].InstanceType = "m7g.large" }),
		mip("duplicate", "m7i twice", w(mp+"instanceTypes[1]", mp+"instanceTypes"), func(m *nodegroup.MixedInstancesPolicy) { m.InstanceTypes[1].InstanceType = "m7i.large" }),
		mip("41 types", "", w(mp+"instanceTypes"), func(m *nodegroup.MixedInstancesPolicy) {
			m.InstanceTypes = nil
			for i := 0; i < 41; i++ {
				m.InstanceTypes = append(m.InstanceTypes, nodegroup.InstanceTypeOverride{InstanceType: fmt.Sprintf("m%d.large", i)})
			}
		}),
		mip("weight 1000", "", w(mp+"instanceTypes[0].weightedCapacity"), func(m *nodegroup.MixedInstancesPolicy) { m.InstanceTypes[0].WeightedCapacity = ip(1000) }),
		mip("weight partial", "only [0] weighted", w(mp+"instanceTypes"), func(m *nodegroup.MixedInstancesPolicy) { m.InstanceTypes[0].WeightedCapacity = ip(2) }),
		mip("onDemand% 101", "", w(mp+"onDemandPercentageAboveBaseCapacity"), func(m *nodegroup.MixedInstancesPolicy) { m.OnDemandPercentageAboveBaseCapacity = ip(101) }),
		mip("onDemandBase -1", "", w(mp+"onDemandBaseCapacity"), func(m *nodegroup.MixedInstancesPolicy) { m.OnDemandBaseCapacity = ip(-1) }),
		mip("spot pools w/o lowest-price", "pools 5", w(mp+"spotInstancePools"), func(m *nodegroup.MixedInstancesPolicy) { m.SpotInstancePools = ip(5) }),
		mip("spot pools 21", "", w(mp+"spotInstancePools"), func(m *nodegroup.MixedInstancesPolicy) {
			m.SpotAllocationStrategy = "lowest-price"
			m.SpotInstancePools = ip(21)
		}),
		mip("spot strategy unknown", "cheapest", w(mp+"spotAllocationStrategy"), func(m *nodegroup.MixedInstancesPolicy) { m.SpotAllocationStrategy = "cheapest" }),
		mip("onDemand strategy unknown", "capacity-optimized", w(mp+"onDemandAllocationStrategy"), func(m *nodegroup.MixedInstancesPolicy) { m.OnDemandAllocationStrategy = "capacity-optimized" }),
	)
	for _, p := range []string{"NaN", "Inf", "+Inf", "-Inf", "1e400", "-1", "0", "abc", "0x1p-2", " 0.05"} {
		p := p
		add(mip("spotMaxPrice "+p, p, w(mp+"spotMaxPrice"), func(m *nodegroup.MixedInstancesPolicy) { m.SpotMaxPrice = p }))
	}

	// ===== user data =====
	cl = "userdata"
	add(
		ngC(cl, "pre NUL", "echo a\\x00b", w("preBootstrapUserData"), func(a *nodegroup.NodeGroupArgs) { a.PreBootstrapUserData = "echo a\x00b\n" }),
		ngC(cl, "post invalid UTF-8", "\\xff\\xfe", w("postBootstrapUserData"), func(a *nodegroup.NodeGroupArgs) { a.PostBootstrapUserData = "echo \xff\xfe\n" }),
		ngC(cl, "override NUL", "", w("userDataOverride"), func(a *nodegroup.NodeGroupArgs) { a.UserDataOverride = "#!/bin/bash\n\x00" }),
		ngC(cl, "override invalid UTF-8", "", w("userDataOverride"), func(a *nodegroup.NodeGroupArgs) { a.UserDataOverride = "#!/bin/bash\n\xc3\x28" }),
		ngC(cl, "post NUL", "echo a\\x00b", w("postBootstrapUserData"), func(a *nodegroup.NodeGroupArgs) { a.PostBootstrapUserData = "echo a\x00b\n" }),
		ngC(cl, "pre invalid UTF-8", "\\xff", w("preBootstrapUserData"), func(a *nodegroup.NodeGroupArgs) { a.PreBootstrapUserData = "echo \xff\n" }),
		ngC(cl, "Windows pre NUL", "", w("preBootstrapUserData"), func(a *nodegroup.NodeGroupArgs) {
			a.OperatingSystem = os(nodegroup.Windows2022Core)
			a.InstanceType = "m7i.large"
			a.PreBootstrapUserData = "Write-Host a\x00b"
		}),
		ngC(cl, "override > 16KiB", "20000 bytes", w("userDataOverride"), func(a *nodegroup.NodeGroupArgs) { a.UserDataOverride = "#!/bin/bash\n" + long(20000) }),
		ngC(cl, "pre script on Bottlerocket", "", w("preBootstrapUserData"), func(a *nodegroup.NodeGroupArgs) {
			a.OperatingSystem = os(nodegroup.Bottlerocket)
			a.PreBootstrapUserData = "echo hi"
		}),
		ngC(cl, "pre + override", "conflict", w("preBootstrapUserData", "userDataOverride"), func(a *nodegroup.NodeGroupArgs) {
			a.PreBootstrapUserData = "echo hi"
			a.UserDataOverride = "#!/bin/bash\n"
		}),
		ngC(cl, "pre huge rendered > 16KiB", "20000-byte script", w("preBootstrapUserData"), func(a *nodegroup.NodeGroupArgs) { a.PreBootstrapUserData = "#!/bin/bash\n# " + long(20000) }),
	)
	if boundary != "" {
		// Scripts are carried base64-encoded, so a boundary line inside one cannot end its part:
		// both are valid (and arrive intact, which the user data tests prove with cloud-init).
		add(
			ngC(cl, "pre contains MIME boundary", "--"+boundary, nil, func(a *nodegroup.NodeGroupArgs) {
				a.PreBootstrapUserData = "#!/bin/bash\necho hi\n--" + boundary + "\nContent-Type: text/x-shellscript\n\necho evil\n"
			}),
			ngC(cl, "post contains MIME boundary end", "--"+boundary+"--", nil, func(a *nodegroup.NodeGroupArgs) {
				a.PostBootstrapUserData = "echo hi\n--" + boundary + "--\n"
			}),
		)
	}

	// ===== Bottlerocket =====
	cl = "bottlerocket"
	br := func(name string, want []string, s map[string]any, mod ...func(a *nodegroup.NodeGroupArgs)) rvCase {
		return ngC(cl, name, fmt.Sprint(s), want, func(a *nodegroup.NodeGroupArgs) {
			a.OperatingSystem = os(nodegroup.Bottlerocket)
			a.BottlerocketSettings = s
			for _, m := range mod {
				m(a)
			}
		})
	}
	add(
		br("override cluster-name", w("bottlerocketSettings"), map[string]any{"kubernetes": map[string]any{"cluster-name": "other"}}),
		br("override api-server", w("bottlerocketSettings"), map[string]any{"kubernetes": map[string]any{"api-server": "https://evil.example.com"}}),
		br("override node-labels", w("bottlerocketSettings"), map[string]any{"kubernetes": map[string]any{"node-labels": map[string]any{"a": "b"}}}),
		br("override node-taints", w("bottlerocketSettings"), map[string]any{"kubernetes": map[string]any{"node-taints": map[string]any{"a": "b:NoSchedule"}}}),
		br("override cluster-certificate", w("bottlerocketSettings"), map[string]any{"kubernetes": map[string]any{"cluster-certificate": "AAAA"}}),
		br("kubernetes not a table", w("bottlerocketSettings"), map[string]any{"kubernetes": "x"}),
		ngC(cl, "settings on AL2023", "{motd: hi}", w("bottlerocketSettings"), func(a *nodegroup.NodeGroupArgs) { a.BottlerocketSettings = map[string]any{"motd": "hi"} }),
		br("baseline + admin container", w("bottlerocketSettings", "hardening"), map[string]any{"host-containers": map[string]any{"admin": map[string]any{"enabled": true}}},
			func(a *nodegroup.NodeGroupArgs) { a.Hardening = &hb }),
		br("baseline + lockdown none", w("bottlerocketSettings", "hardening"), map[string]any{"kernel": map[string]any{"lockdown": "none"}},
			func(a *nodegroup.NodeGroupArgs) { a.Hardening = &hb }),
	)

	// ===== hardening =====
	cl = "hardening"
	hard := func(name string, want []string, mod func(a *nodegroup.NodeGroupArgs)) rvCase {
		return ngC(cl, "baseline + "+name, "", want, func(a *nodegroup.NodeGroupArgs) { a.Hardening = &hb; mod(a) })
	}
	add(
		hard("httpTokens optional", w("metadataOptions.httpTokens"), func(a *nodegroup.NodeGroupArgs) {
			t := nodegroup.HttpTokensOptional
			a.MetadataOptions = &nodegroup.MetadataOptions{HttpTokens: &t}
		}),
		hard("hop limit 2", w("metadataOptions.httpPutResponseHopLimit"), func(a *nodegroup.NodeGroupArgs) {
			a.MetadataOptions = &nodegroup.MetadataOptions{HttpPutResponseHopLimit: ip(2)}
		}),
		hard("unencrypted", w("nodeRootVolumeEncrypted"), func(a *nodegroup.NodeGroupArgs) { a.NodeRootVolumeEncrypted = bp(false) }),
		hard("public IP", w("nodeAssociatePublicIpAddress"), func(a *nodegroup.NodeGroupArgs) { a.NodeAssociatePublicIpAddress = bp(true) }),
		hard("keyName", w("keyName"), func(a *nodegroup.NodeGroupArgs) { a.KeyName = pulumi.String("kp") }),
		hard("sshSourceCidrs", w(NS+"sshSourceCidrs"), func(a *nodegroup.NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{SshSourceCidrs: []string{"10.0.0.0/8"}}
		}),
		hard("ingress tcp 0-65535 from VPC", w(ir0), ingress(sgRule("all tcp", "tcp", ip(0), ip(65535), "10.0.0.0/8"))),
		hard("ingress -1 from VPC cidr", w(ir0), ingress(sgRule("all", "-1", nil, nil, "10.0.0.0/8"))),
		hard("ingress tcp 22 rule", w(ir0), ingress(sgRule("ssh", "tcp", ip(22), ip(22), "10.0.0.0/8"))),
		ngC(cl, "hardening unknown", "strict", w("hardening"), func(a *nodegroup.NodeGroupArgs) { h := nodegroup.HardeningProfile("strict"); a.Hardening = &h }),
	)

	// ===== multi-problem ordering =====
	multi := ngC("multi", "three problems at once", "minSize -1, maxSize 2^31, labels bad", w("minSize", "maxSize", `labels["-bad"]`), func(a *nodegroup.NodeGroupArgs) {
		a.MinSize = ip(-1)
		a.MaxSize = ip(1 << 31)
		a.Labels = map[string]string{"-bad": "x", "ok": "y"}
	})
	multi.all = true
	add(multi)

	// ===== Outputs that resolve invalid =====
	cl = "output"
	out := func(c rvCase) rvCase { c.output = true; c.class = cl; return c }
	bad := func(s string) pulumi.StringOutput { return pulumi.String(s).ToStringOutput() }
	add(
		out(ngC(cl, "Output cluster.version bad", `"bad"`, w("cluster.version"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.Version = bad("bad") })),
		out(ngC(cl, "Output cluster.serviceCidr bad", `"bad"`, w("cluster.serviceCidr"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.ServiceCidr = bad("bad") })),
		out(ngC(cl, "Output cluster.serviceCidr non-canonical", `"172.20.0.1/16"`, w("cluster.serviceCidr"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.ServiceCidr = bad("172.20.0.1/16") })),
		out(ngC(cl, "Output cluster.endpoint http", `"http://x"`, w("cluster.endpoint"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.Endpoint = bad("http://x") })),
		out(ngC(cl, "Output cluster.name empty", `""`, w("cluster.name"), func(a *nodegroup.NodeGroupArgs) { a.Cluster.Name = bad("") })),
		out(ngC(cl, "Output subnetIds[1] bad", `"bad"`, w("subnetIds[1]"), func(a *nodegroup.NodeGroupArgs) {
			a.SubnetIds = pulumi.StringArray{pulumi.String("subnet-0123456789abcdef0"), bad("bad")}
		})),
		out(ngC(cl, "Output subnetIds whole array bad", `["bad"]`, w("subnetIds"), func(a *nodegroup.NodeGroupArgs) {
			a.SubnetIds = pulumi.StringArray{pulumi.String("bad")}.ToStringArrayOutput()
		})),
		out(ngC(cl, "Output kms key bad", `"bad"`, w("nodeRootVolumeKmsKeyId"), func(a *nodegroup.NodeGroupArgs) { a.NodeRootVolumeKmsKeyId = bad("bad") })),
		out(ngC(cl, "Output tag value 300", "300 chars", w(`tags["k"]`), func(a *nodegroup.NodeGroupArgs) { a.Tags = pulumi.StringMap{"k": bad(long(300))} })),
		out(ngC(cl, "Output tags map with aws: key", `{"aws:x":"y"}`, w(`tags`), func(a *nodegroup.NodeGroupArgs) {
			a.Tags = pulumi.StringMap{"aws:x": pulumi.String("y")}.ToStringMapOutput()
		})),
		out(ngC(cl, "Output instanceProfileArn bad", `"bad"`, w("instanceProfileArn"), func(a *nodegroup.NodeGroupArgs) {
			a.InstanceProfileArn = bad("bad")
			a.RoleArn = pulumi.String("arn:aws:iam::123456789012:role/nodes")
		})),
		out(ngC(cl, "Output ingress cidrIpv4 world SSH", `"0.0.0.0/0"`, w(ir0), func(a *nodegroup.NodeGroupArgs) {
			r := sgRule("ssh", "tcp", ip(22), ip(22), "")
			r.CidrIpv4 = bad("0.0.0.0/0")
			ingress(r)(a)
		})),
		out(roleC(cl, "Output role permissionsBoundary bad", `"bad"`, w("permissionsBoundary"), func(a *nodegroup.NodeRoleArgs) { a.PermissionsBoundary = bad("bad") })),
		out(roleC(cl, "Output role clusterName bad", `"bad name!"`, w("clusterName"), func(a *nodegroup.NodeRoleArgs) { a.ClusterName = bad("bad name!") })),
		out(sgC(cl, "Output SG vpcId bad", `"bad"`, w("vpcId"), func(a *nodegroup.NodeSecurityGroupArgs) { a.VpcId = bad("bad") })),
		out(sgC(cl, "Output SG egress cidr bad", `"bad"`, w("egressRules[0].cidrIpv4"), func(a *nodegroup.NodeSecurityGroupArgs) {
			r := sgRule("e", "tcp", ip(443), nil, "")
			r.CidrIpv4 = bad("bad")
			a.EgressRules = []nodegroup.SecurityGroupRule{r}
		})),
	)

	// ===== VALID =====
	cl = "valid"
	v := func(name string, mod func(a *nodegroup.NodeGroupArgs)) rvCase { return ngC(cl, name, "", ok, mod) }
	vit := func(t string, mod ...func(a *nodegroup.NodeGroupArgs)) rvCase {
		return v("instanceType "+t, func(a *nodegroup.NodeGroupArgs) {
			a.InstanceType = t
			for _, m := range mod {
				m(a)
			}
		})
	}
	nvidia := func(a *nodegroup.NodeGroupArgs) { x := nodegroup.VariantNvidia; a.AmiVariant = &x }
	neuron := func(a *nodegroup.NodeGroupArgs) { x := nodegroup.VariantNeuron; a.AmiVariant = &x }
	add(
		v("base", func(a *nodegroup.NodeGroupArgs) {}),
		v("max/min/desired 0", func(a *nodegroup.NodeGroupArgs) { a.MaxSize = ip(0); a.MinSize = ip(0); a.DesiredCapacity = ip(0) }),
		v("min 0 max 1 desired 0", func(a *nodegroup.NodeGroupArgs) { a.MaxSize = ip(1); a.MinSize = ip(0); a.DesiredCapacity = ip(0) }),
		v("min 5 only (max defaults up)", func(a *nodegroup.NodeGroupArgs) { a.MinSize = ip(5) }),
		vit("p6-b200.48xlarge", nvidia), vit("p6e-gb200.36xlarge", nvidia), vit("c8g.large"), vit("m8i.large"), vit("trn2.48xlarge", neuron),
		vit("m7g.large"), vit("g6.xlarge", nvidia), vit("inf2.xlarge", neuron), vit("t4g.small"), vit("c7gn.large"), vit("i7ie.large"),
		vit("u7i-12tb.224xlarge"), vit("x2iedn.xlarge"), vit("hpc7g.4xlarge"), vit("m5.metal"), vit("r8g.medium"), vit("m7i-flex.large"), vit("c5d.24xlarge"),
		vit("zz9.large", func(a *nodegroup.NodeGroupArgs) { a.Architecture = arch(nodegroup.X86_64) }),
		vit("zz9.large + amiId", func(a *nodegroup.NodeGroupArgs) {
			a.InstanceType = "zz9.large"
			a.Architecture = arch(nodegroup.ARM64)
			a.AmiId = pulumi.String("ami-0123456789abcdef0")
		}),
		v("amiId + architecture", func(a *nodegroup.NodeGroupArgs) {
			a.AmiId = pulumi.String("ami-0123456789abcdef0")
			a.Architecture = arch(nodegroup.X86_64)
		}),
		v("amiId without version", func(a *nodegroup.NodeGroupArgs) {
			a.AmiId = pulumi.String("ami-0123456789abcdef0")
			a.Architecture = arch(nodegroup.X86_64)
			a.Cluster.Version = nil
		}),
		v("Bottlerocket settings", func(a *nodegroup.NodeGroupArgs) {
			a.OperatingSystem = os(nodegroup.Bottlerocket)
			a.BottlerocketSettings = map[string]any{"kubernetes": map[string]any{"max-pods": 58}, "host-containers": map[string]any{"admin": map[string]any{"enabled": true}}}
			a.Labels = map[string]string{"team": "a"}
			a.Taints = map[string]nodegroup.Taint{"dedicated": {Value: "x", Effect: nodegroup.NoSchedule}}
		}),
		v("Bottlerocket fips", func(a *nodegroup.NodeGroupArgs) {
			a.OperatingSystem = os(nodegroup.Bottlerocket)
			x := nodegroup.VariantFips
			a.AmiVariant = &x
		}),
		v("Bottlerocket baseline", func(a *nodegroup.NodeGroupArgs) { a.OperatingSystem = os(nodegroup.Bottlerocket); a.Hardening = &hb }),
		v("Windows2022Core", func(a *nodegroup.NodeGroupArgs) {
			a.OperatingSystem = os(nodegroup.Windows2022Core)
			a.InstanceType = "m7i.large"
		}),
		v("AL2 on 1.32", func(a *nodegroup.NodeGroupArgs) {
			a.OperatingSystem = os(nodegroup.AL2)
			a.Cluster.Version = pulumi.String("1.32")
		}),
		v("labels/taints", func(a *nodegroup.NodeGroupArgs) {
			a.Labels = map[string]string{"node.kubernetes.io/pool": "gpu", "example.com/team": "", "app": "a.b_c-d"}
			a.Taints = map[string]nodegroup.Taint{"example.com/dedicated": {Effect: nodegroup.NoExecute}, "gpu": {Value: "true", Effect: nodegroup.PreferNoSchedule}}
		}),
		v("kubelet args + config + scripts", func(a *nodegroup.NodeGroupArgs) {
			a.KubeletExtraArgs = "--max-pods=58 --v=2"
			a.KubeletConfig = map[string]any{"maxPods": 58}
			a.PreBootstrapUserData = "echo pre"
			a.PostBootstrapUserData = "#!/bin/bash\necho post"
		}),
		v("userDataOverride alone", func(a *nodegroup.NodeGroupArgs) { a.UserDataOverride = "#!/bin/bash\n/etc/eks/bootstrap.sh demo\n" }),
		v("ingress rules ok", func(a *nodegroup.NodeGroupArgs) {
			r2 := sgRule("from sg all", "-1", nil, nil, "")
			r2.SecurityGroupId = pulumi.String("sg-0123456789abcdef9")
			r3 := sgRule("v6 8080", "tcp", ip(8080), nil, "")
			r3.CidrIpv6 = pulumi.String("2001:db8::/32")
			r4 := sgRule("pl", "tcp", ip(443), nil, "")
			r4.PrefixListId = pulumi.String("pl-0123456789abcdef0")
			ingress(sgRule("ssh vpc", "tcp", ip(22), ip(22), "10.0.0.0/8"), r2, r3, r4, sgRule("https world", "tcp", ip(443), ip(443), "0.0.0.0/0"), sgRule("icmp", "icmp", ip(-1), ip(-1), "10.0.0.0/8"))(a)
		}),
		v("egress 443 world", func(a *nodegroup.NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{EgressRules: []nodegroup.SecurityGroupRule{sgRule("https out", "tcp", ip(443), nil, "0.0.0.0/0")}}
		}),
		v("ssh with key + cidrs", func(a *nodegroup.NodeGroupArgs) {
			a.KeyName = pulumi.String("kp")
			a.NodeSecurityGroupOptions = &nodegroup.NodeSecurityGroupOptions{SshSourceCidrs: []string{"10.0.0.0/8"}, RulesProfile: rp(nodegroup.RulesStrict), ExtraClusterIngressPorts: []int{9443, 8443}}
		}),
		v("gp3 3000/750", func(a *nodegroup.NodeGroupArgs) {
			a.NodeRootVolumeIops = ip(3000)
			a.NodeRootVolumeThroughput = ip(750)
		}),
		v("gp3 16000/1000 @100GiB", func(a *nodegroup.NodeGroupArgs) {
			a.NodeRootVolumeSize = ip(100)
			a.NodeRootVolumeIops = ip(16000)
			a.NodeRootVolumeThroughput = ip(1000)
		}),
		v("io2 20000 @20GiB", func(a *nodegroup.NodeGroupArgs) { a.NodeRootVolumeType = "io2"; a.NodeRootVolumeIops = ip(20000) }),
		v("io1 1000 @20GiB", func(a *nodegroup.NodeGroupArgs) { a.NodeRootVolumeType = "io1"; a.NodeRootVolumeIops = ip(1000) }),
		v("gp2 standard", func(a *nodegroup.NodeGroupArgs) { a.NodeRootVolumeType = "gp2"; a.NodeRootVolumeSize = ip(50) }),
		v("kms key arn", func(a *nodegroup.NodeGroupArgs) {
			a.NodeRootVolumeKmsKeyId = pulumi.String("arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
		}),
		v("instance profile + role with path", func(a *nodegroup.NodeGroupArgs) {
			a.InstanceProfileArn = pulumi.String("arn:aws:iam::123456789012:instance-profile/eks/nodes")
			a.RoleArn = pulumi.String("arn:aws:iam::123456789012:role/eks/nodes")
		}),
		v("nodeSecurityGroupId, no cluster sg/vpc", func(a *nodegroup.NodeGroupArgs) {
			a.NodeSecurityGroupId = pulumi.String("sg-0123456789abcdef1")
			a.Cluster.SecurityGroupId = nil
			a.Cluster.VpcId = nil
		}),
		v("mixed spot", func(a *nodegroup.NodeGroupArgs) {
			a.MixedInstancesPolicy = &nodegroup.MixedInstancesPolicy{InstanceTypes: []nodegroup.InstanceTypeOverride{{InstanceType: "m7i.large"}, {InstanceType: "m6i.large"}, {InstanceType: "m5.large"}},
				OnDemandPercentageAboveBaseCapacity: ip(0), SpotMaxPrice: "0.05", SpotAllocationStrategy: "lowest-price", SpotInstancePools: ip(4)}
			a.CapacityRebalance = bp(true)
		}),
		v("mixed weighted", func(a *nodegroup.NodeGroupArgs) {
			a.MixedInstancesPolicy = &nodegroup.MixedInstancesPolicy{InstanceTypes: []nodegroup.InstanceTypeOverride{{InstanceType: "m7g.large", WeightedCapacity: ip(1)}, {InstanceType: "m7g.xlarge", WeightedCapacity: ip(2)}}}
		}),
		v("hook sqs + role", func(a *nodegroup.NodeGroupArgs) {
			a.TerminationLifecycleHook = &nodegroup.TerminationLifecycleHook{HeartbeatTimeout: ip(600), DefaultResult: "ABANDON",
				NotificationTargetArn: pulumi.String("arn:aws:sqs:us-west-2:123456789012:q"), RoleArn: pulumi.String("arn:aws:iam::123456789012:role/hook")}
		}),
		v("hook sns", func(a *nodegroup.NodeGroupArgs) {
			a.TerminationLifecycleHook = &nodegroup.TerminationLifecycleHook{NotificationTargetArn: pulumi.String("arn:aws:sns:us-west-2:123456789012:t"), RoleArn: pulumi.String("arn:aws:iam::123456789012:role/hook")}
		}),
		v("hardening baseline", func(a *nodegroup.NodeGroupArgs) { a.Hardening = &hb }),
		v("tags + autoscaler", func(a *nodegroup.NodeGroupArgs) {
			a.Tags = pulumi.StringMap{"team": pulumi.String("a"), "Name": pulumi.String("x"), "empty": pulumi.String("")}
			a.ClusterAutoscalerTags = true
			a.Labels = map[string]string{"a": "b"}
		}),
		v("Outputs resolve valid", func(a *nodegroup.NodeGroupArgs) {
			a.Cluster.Version = pulumi.String("1.33").ToStringOutput()
			a.Cluster.ServiceCidr = pulumi.String("10.100.0.0/16").ToStringOutput()
			a.SubnetIds = pulumi.StringArray{pulumi.String("subnet-0123456789abcdef0").ToStringOutput()}
			a.Tags = pulumi.StringMap{"k": pulumi.String("v").ToStringOutput()}
		}),
		v("instance refresh checkpoints", func(a *nodegroup.NodeGroupArgs) {
			a.InstanceRefresh = &nodegroup.InstanceRefresh{CheckpointPercentages: []int{20, 50, 100}, CheckpointDelay: ip(600), MinHealthyPercentage: ip(90), MaxHealthyPercentage: ip(120), ScaleInProtectedInstances: "Refresh", StandbyInstances: "Wait"}
		}),
		v("metadata hop 2 optional", func(a *nodegroup.NodeGroupArgs) {
			t := nodegroup.HttpTokensRequired
			a.MetadataOptions = &nodegroup.MetadataOptions{HttpTokens: &t, HttpPutResponseHopLimit: ip(2), InstanceMetadataTags: true}
		}),
		v("nodeRoleOptions full", func(a *nodegroup.NodeGroupArgs) {
			a.NodeRoleOptions = &nodegroup.NodeRoleOptions{Path: "/eks/nodes/", PermissionsBoundary: pulumi.String("arn:aws:iam::123456789012:policy/boundary"),
				AdditionalPolicyArns: pulumi.StringArray{pulumi.String("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")}, EnableSsmAccess: true, CreateAccessEntry: bp(false)}
		}),
		roleC(cl, "role default", "", ok, func(a *nodegroup.NodeRoleArgs) {}),
		roleC(cl, "role no access entry no cluster", "", ok, func(a *nodegroup.NodeRoleArgs) { a.ClusterName = nil; a.CreateAccessEntry = bp(false) }),
		roleC(cl, "role windows + path + boundary", "", ok, func(a *nodegroup.NodeRoleArgs) {
			t := nodegroup.AccessEntryEC2Windows
			a.AccessEntryType = &t
			a.Path = "/eks/"
			a.PermissionsBoundary = pulumi.String("arn:aws:iam::123456789012:policy/boundary")
			a.AdditionalPolicyArns = pulumi.StringArray{pulumi.String("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")}
			a.EnableSsmAccess = true
			a.Tags = pulumi.StringMap{"team": pulumi.String("a")}
		}),
		roleC(cl, "role clusterName Output", "", ok, func(a *nodegroup.NodeRoleArgs) { a.ClusterName = pulumi.String("demo").ToStringOutput() }),
		sgC(cl, "SG default", "", ok, func(a *nodegroup.NodeSecurityGroupArgs) {}),
		sgC(cl, "SG strict + ports + ssh sg", "", ok, func(a *nodegroup.NodeSecurityGroupArgs) {
			a.RulesProfile = rp(nodegroup.RulesStrict)
			a.ExtraClusterIngressPorts = []int{9443}
			a.SshSourceSecurityGroupIds = pulumi.StringArray{pulumi.String("sg-0123456789abcdef5")}
			a.Tags = pulumi.StringMap{"team": pulumi.String("a")}
		}),
		sgC(cl, "SG rules", "", ok, func(a *nodegroup.NodeSecurityGroupArgs) {
			a.IngressRules = []nodegroup.SecurityGroupRule{sgRule("https", "tcp", ip(443), nil, "0.0.0.0/0"), sgRule("dns", "udp", ip(53), nil, "10.0.0.0/8")}
			a.EgressRules = []nodegroup.SecurityGroupRule{sgRule("all", "-1", nil, nil, "0.0.0.0/0")}
			a.SshSourceCidrs = []string{"192.168.0.0/16"}
		}),
	)
	return cs
}

func rp(r nodegroup.RulesProfile) *nodegroup.RulesProfile { return &r }

func deref(p *int) any {
	if p == nil {
		return "nil"
	}
	return *p
}

func rvBoundary(t *testing.T) string {
	m := &rvMocks{}
	_ = pulumi.RunErr(func(ctx *pulumi.Context) error {
		a := rvBase()
		a.PreBootstrapUserData = "echo hi"
		_, err := nodegroup.NewNodeGroup(ctx, "ng", a)
		return err
	}, pulumi.WithMocks("p", "s", m))
	for _, u := range m.ud {
		b, err := base64.StdEncoding.DecodeString(u)
		if err != nil {
			b = []byte(u)
		}
		if mm := regexp.MustCompile(`boundary="?([^"\s;]+)"?`).FindSubmatch(b); mm != nil {
			return string(mm[1])
		}
	}
	t.Logf("no MIME boundary found in %d user data docs", len(m.ud))
	return ""
}

// TestIndependentCatalogue runs a catalogue written from AWS's and Kubernetes's rules and the
// schema descriptions alone, without reading the validation code: every bad input must be
// refused before anything is registered, each problem starting with the property at fault,
// and every valid input accepted.
func TestIndependentCatalogue(t *testing.T) {
	boundary := rvBoundary(t)
	cases := rvCatalogue(boundary)
	counts := map[string]int{}
	classBad, classValid := 0, 0
	var lines []string
	var bad []string
	for _, c := range cases {
		r := rvEval(c)
		counts[r.outcome]++
		if c.want == nil {
			classValid++
		} else {
			classBad++
		}
		line := fmt.Sprintf("%-55s | %-16s | %-25s | want %v | %s", c.name, c.class, r.outcome, c.want, r.problems)
		lines = append(lines, line)
		if r.outcome != "ok" {
			bad = append(bad, line+" || input: "+c.desc)
		}
	}
	// stable order check
	for i := 0; i < 3; i++ {
		c := cases[0]
		for _, x := range cases {
			if x.class == "multi" {
				c = x
			}
		}
		e1, _, _, _ := rvRun(c)
		e2, _, _, _ := rvRun(c)
		p1, _ := rvProblems(e1)
		p2, _ := rvProblems(e2)
		if strings.Join(p1, "\n") != strings.Join(p2, "\n") {
			bad = append(bad, "ORDER UNSTABLE: "+strings.Join(p1, " | ")+" VS "+strings.Join(p2, " | "))
			counts["order-unstable"]++
			break
		}
	}
	require.GreaterOrEqual(t, classBad, 300)
	require.GreaterOrEqual(t, classValid, 60)
	for _, l := range bad {
		t.Error(l)
	}
}
