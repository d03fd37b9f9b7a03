package report

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCatalog(t *testing.T) {
	require.NoError(t, catalog.Check())
}
