"""A Bottlerocket node group on Graviton (arm64), from Python.

Bottlerocket takes TOML settings instead of scripts: labels and taints become
settings.kubernetes.node-labels / node-taints, and `bottlerocket_settings` is merged over what
eksnodes renders. The AMI is the Bottlerocket AMI AWS recommends for the cluster version and the
instance type's architecture; set `ami_release_version` (e.g. "1.42.0") to pin one release.
The cluster facts come from stack configuration (Pulumi.yaml holds demo defaults).
"""

import pulumi
import pulumi_eksnodes as eksnodes

config = pulumi.Config()

batch = eksnodes.NodeGroup(
    "batch",
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
    operating_system=eksnodes.OperatingSystem.BOTTLEROCKET,
    instance_type=config.require("instanceType"),
    min_size=0,
    max_size=10,
    desired_capacity=1,
    labels={"workload": "batch"},
    taints={"dedicated": eksnodes.TaintArgs(value="batch", effect=eksnodes.TaintEffect.NO_SCHEDULE)},
    bottlerocket_settings={
        "kubernetes": {"max-pods": 110},
        "host-containers": {"admin": {"enabled": False}},
    },
    node_root_volume_size=50,
    cluster_autoscaler_tags=True,
    tags={"environment": "demo"},
)

pulumi.export("autoScalingGroupName", batch.auto_scaling_group_name)
pulumi.export("amiId", batch.ami_id)
pulumi.export("amiSource", batch.ami_source)
pulumi.export("userData", batch.user_data)
