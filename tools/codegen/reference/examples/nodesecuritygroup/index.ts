// A node security group with the strict rules profile and one extra ingress rule.
import * as eksnodes from "@eksnodes/eksnodes";

const sg = new eksnodes.NodeSecurityGroup("nodes", {
    clusterName: "demo",
    vpcId: "vpc-0123456789abcdef0",
    clusterSecurityGroupId: "sg-0123456789abcdef0",
    rulesProfile: eksnodes.RulesProfile.Strict,
    ingressRules: [{
        description: "Webhook from the load balancers",
        protocol: "tcp",
        fromPort: 9443,
        cidrIpv4: "10.0.0.0/16",
    }],
});

export const securityGroupId = sg.securityGroupId;
