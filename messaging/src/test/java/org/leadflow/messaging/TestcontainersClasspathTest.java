package org.leadflow.messaging;

import org.leadflow.devstack.TestcontainersClasspathCheck;

class TestcontainersClasspathTest extends TestcontainersClasspathCheck {}
