module github.com/articlelint/articlelint

go 1.26.8

require (
	github.com/alecthomas/kong v1.17.0
	github.com/yuin/goldmark v1.8.7
	go.yaml.in/yaml/v3 v3.0.6
	mvdan.cc/xurls/v2 v2.6.0
)

require golang.org/x/term v0.47.0

require (
	github.com/aymanbagabas/go-udiff v0.3.1
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	golang.org/x/net v0.62.0
	golang.org/x/text v0.43.0 // indirect
)

require (
	github.com/rogpeppe/go-internal v1.16.0
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/tools v0.51.0 // indirect
)
