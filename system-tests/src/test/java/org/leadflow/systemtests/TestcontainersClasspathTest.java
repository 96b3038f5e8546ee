package org.leadflow.systemtests;

import org.leadflow.devstack.TestcontainersClasspathCheck;

class TestcontainersClasspathTest extends TestcontainersClasspathCheck {}
