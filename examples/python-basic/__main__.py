"""An EKS self-managed node group with labels and taints, from Python.

The cluster facts come from stack configuration (Pulumi.yaml holds demo defaults).
"""

import pulumi
import pulumi_eksnodes as eksnodes

config = pulumi.Config()

workers = eksnodes.NodeGroup(
    "workers",
    cluster=eksnodes.ClusterArgs(
        name=config.require("clusterName"),
        endpoint=config.require("clusterEndpoint"),
        certificate_authority=config.require("clusterCertificateAuthority"),
        service_cidr=config.require("clusterServiceCidr"),
        version=config.require("clusterVersion"),
        security_group_id=config.require("clusterSecurityGroupId"),
        vpc_id=config.require("vpcId"),
    ),
    subnet_ids=config.require_object("subnetIds"),
    instance_type=config.require("instanceType"),
    min_size=1,
    max_size=4,
    desired_capacity=2,
    labels={"workload": "general", "team": "platform"},
    taints={
        "dedicated": eksnodes.TaintArgs(value="platform", effect=eksnodes.TaintEffect.NO_SCHEDULE),
    },
    node_role_options=eksnodes.NodeRoleOptionsArgs(enable_ssm_access=True),
    tags={"environment": "demo"},
)

pulumi.export("autoScalingGroupName", workers.auto_scaling_group_name)
pulumi.export("roleArn", workers.role_arn)
pulumi.export("securityGroupId", workers.security_group_id)
pulumi.export("amiId", workers.ami_id)
pulumi.export("userData", workers.user_data)
