print("before the loop")  # expect: before the loop
while True: pass
# error: line 2: LimitError: the script ran more than 200000 steps (a loop that never ends?); raise the max_steps limit to allow more
