package org.leadflow.lead;

import org.leadflow.devstack.TestcontainersClasspathCheck;

class TestcontainersClasspathTest extends TestcontainersClasspathCheck {}
