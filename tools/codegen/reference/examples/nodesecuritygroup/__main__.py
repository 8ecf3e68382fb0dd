"""A node security group with the strict rules profile and one extra ingress rule."""

import pulumi
import pulumi_eksnodes as eksnodes

sg = eksnodes.NodeSecurityGroup(
    "nodes",
    cluster_name="demo",
    vpc_id="vpc-0123456789abcdef0",
    cluster_security_group_id="sg-0123456789abcdef0",
    rules_profile=eksnodes.RulesProfile.STRICT,
    ingress_rules=[
        eksnodes.SecurityGroupRuleArgs(
            description="Webhook from the load balancers",
            protocol="tcp",
            from_port=9443,
            cidr_ipv4="10.0.0.0/16",
        ),
    ],
)

pulumi.export("securityGroupId", sg.security_group_id)
