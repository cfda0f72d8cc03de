module github.com/calltoarms/ds9

go 1.26.8
