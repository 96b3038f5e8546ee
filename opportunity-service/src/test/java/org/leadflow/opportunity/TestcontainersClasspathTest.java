package org.leadflow.opportunity;

import org.leadflow.devstack.TestcontainersClasspathCheck;

class TestcontainersClasspathTest extends TestcontainersClasspathCheck {}
