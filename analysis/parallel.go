package analysis

import (
	"sync"
	"sync/atomic"
)

// parallel calls fn(0), …, fn(count−1) on up to workers goroutines and waits for them.
func parallel(workers, count int, fn func(i int)) {
	workers = max(1, min(workers, count))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= count {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
