"""A node group of m7i.large nodes with labels and a taint, in a cluster described by its facts."""

import pulumi
import pulumi_eksnodes as eksnodes

workers = eksnodes.NodeGroup(
    "workers",
    cluster=eksnodes.ClusterArgs(
        name="demo",
        endpoint="https://0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com",
        certificate_authority="LS0tLS1CRUdJTi...",
        service_cidr="172.20.0.0/16",
        version="1.33",
        security_group_id="sg-0123456789abcdef0",
        vpc_id="vpc-0123456789abcdef0",
    ),
    subnet_ids=["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
    instance_type="m7i.large",
    min_size=1,
    max_size=4,
    desired_capacity=2,
    labels={"workload": "general"},
    taints={
        "dedicated": eksnodes.TaintArgs(value="platform", effect=eksnodes.TaintEffect.NO_SCHEDULE),
    },
    node_role_options=eksnodes.NodeRoleOptionsArgs(enable_ssm_access=True),
    tags={"environment": "demo"},
)

pulumi.export("autoScalingGroupName", workers.auto_scaling_group_name)
pulumi.export("amiId", workers.ami_id)
